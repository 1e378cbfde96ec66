//! adcredit-wasm
