//! The search module's allocator: one free list per power-of-two size class, blocks cut from
//! fresh wasm pages and never split or merged. dlmalloc, Rust's default on wasm32, was 4.3 KB of
//! the module; this is a few hundred bytes. Rounding up to a power of two at most doubles a
//! block, and the search allocates the same few sizes over and over (a query's vectors and
//! strings), so freed blocks are reused. Single-threaded, as the module is.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32::memory_grow;
use std::cell::UnsafeCell;

const PAGE: usize = 65_536;
/// The smallest block: room for the free list's link and any alignment the search asks for.
const MIN_CLASS: u32 = 4;

struct State {
    /// Head of each class's free list (0: empty); a free block holds the next one's address.
    free: [usize; 32],
    /// The next unused byte of the pages taken so far, and their end.
    top: usize,
    end: usize,
}

/// The allocator.
pub struct Heap(UnsafeCell<State>);

// SAFETY: wasm32 without threads: there is one thread.
unsafe impl Sync for Heap {}

impl Heap {
    /// An allocator that has taken no pages yet.
    pub const fn new() -> Heap {
        Heap(UnsafeCell::new(State {
            free: [0; 32],
            top: 0,
            end: 0,
        }))
    }
}

/// The size class of a layout: log2 of the smallest power of two that holds it and meets its
/// alignment (a block of class `c` starts on a multiple of `min(2^c, PAGE)`).
fn class(layout: Layout) -> u32 {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    size.next_power_of_two().trailing_zeros()
}

unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let c = class(layout);
        if c >= 31 {
            return std::ptr::null_mut();
        }
        // SAFETY: single-threaded, and no reference to the state outlives this call.
        let state = unsafe { &mut *self.0.get() };
        let Some(head) = state.free.get_mut(c as usize) else {
            return std::ptr::null_mut();
        };
        if *head != 0 {
            let block = *head;
            // SAFETY: a free block of this class holds the address of the next one.
            *head = unsafe { *(block as *const usize) };
            return block as *mut u8;
        }
        let size = 1usize << c;
        let align = size.min(PAGE);
        let mut start = (state.top + align - 1) & !(align - 1);
        if start + size > state.end {
            // `start <= end`: `end` is a page boundary and `start` is aligned to at most a page.
            let pages = (start + size - state.end).div_ceil(PAGE);
            let previous = memory_grow(0, pages);
            if previous == usize::MAX {
                return std::ptr::null_mut();
            }
            let fresh = previous * PAGE;
            if fresh != state.end {
                // The first pages, or pages after memory someone else grew: start afresh there.
                state.top = fresh;
                start = fresh;
            }
            state.end = fresh + pages * PAGE;
            if start + size > state.end {
                // Only when the old pages' tail was too short: grow the rest from here.
                let more = (start + size - state.end).div_ceil(PAGE);
                if memory_grow(0, more) == usize::MAX {
                    return std::ptr::null_mut();
                }
                state.end += more * PAGE;
            }
        }
        state.top = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: single-threaded, and no reference to the state outlives this call.
        let state = unsafe { &mut *self.0.get() };
        if let Some(head) = state.free.get_mut(class(layout) as usize) {
            // SAFETY: the block is ours again and at least MIN_CLASS bytes, aligned for a usize.
            unsafe { *(ptr as *mut usize) = *head };
            *head = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: GlobalAlloc's contract: `layout.align()` is a valid alignment.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        // SAFETY: as for alloc and dealloc; the old block holds `layout.size()` bytes.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}
