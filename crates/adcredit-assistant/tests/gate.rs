//! The browser loads the rules only when the gate (`mentions_move`) says a question may be a
//! move, so the gate must say yes to every question the reader reads as one. Cases found by
//! the `question` fuzz target stay here.

use adcredit_assistant::{answer_move, mentions_move, MoveAnswer};

#[test]
fn the_gate_lets_every_move_the_reader_sees_through() {
    let cases = [
        // A combining mark (U+0313) inside "oes̓ADd": the search analyzer keeps it one word,
        // so the reader must not split off "ADd" and read "add" as a verb.
        "eAD\u{313}#edh))))))))))))))))Z\0\0\0))))))ooooeӓeEol\0ines\u{313}#\nht l]oes\u{313}ADd#\nD\u{12}\0#\u{4}cz#D#AD{3*\t?cre",
        "can I move credit from the Zu\u{308}rich shop to DE?",
        // A dotted code ("u.k") that the reader joins into one word, inside noise.
        "?sooo\u{10}g!o:\u{10}go\0UUU@UUU?UU@UUU\u{10}g!o:u.k\u{10}go\0UUU@UUU?UUUU\u{10}go\0UUU@U\0UUU@UUUU\u{10}g!o:\u{10}go\0UUU@UUUeUEUUU\u{10}go\0UUU@U\0UUU@UUU?@UUU?UUUU\u{10}go\0UUU@U\0UUU@UUU?UUUU\u{10}gloU@UUU\u{10}g!o:\u{10}go\0UUU@UUU?UUUU\u{18}go\0UUU@U\0UUU@UUU?@UUU?UUUU\u{10}go?UUUeUEUUU\u{10}glotoU@UUU?UUUeUod",
        "can I move credit from the U.K. account to the U.S. one?",
        // An id after "to" that only control characters separate from its neighbours.
        "\u{c}\u{7}\u{7}promo'\u{c}bt\nto\0BUU\u{5}t",
        // A country's own name with an accent ("belgië"), which the gate sees folded.
        "top\0\0\0belgi\u{eb}\0\0 upAD\u{1}]",
        // "two account": two places in the same words, then a move said without a verb (a
        // panic before: the words between the two places were sliced backwards).
        "\0\0@>\0into\0\0two\0\0\naccount\u{3}\0\0\0two\0\0\nA>'07\0cA \0>",
        // "businesscenter" in one word after an arrow: the gate knows every one-word name of
        // the Business Center.
        "yiy>=>{{busInesscenter{{{{{all{all'{all{{{{{all'{{{ads{{{{$ne\0",
        // A code in capitals behind a lowercase Cyrillic letter ("пED"): not a code, for the
        // reader as for the gate.
        "A\u{8}promo\u{8}to;\0пED",
        // "oFF" is "off" (a source marker) and "FF" after it an id: the commas after "FF" do
        // not join it to the next word, for the reader as for the gate.
        "distribute\0aZZ\0\u{34d}@'oFF\0FF,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,F$h",
        // U+0345 is a combining mark that Rust counts as alphabetic: it starts no word, so
        // "-zo" after it is not an id after "to" for the reader, as for the gate.
        "e#Cveb)to=\u{345}-zo=get\0of\0\u{1}\0\0spre\"get\0Dto$procmo\nou\"get\0Lgedt\0p]l",
        // "paid out of" a place with an amount is a move to the reader ("can Brazil be paid
        // out of the credit line?"), so "paid" must reach the rules.
        "th\u{2f5}ph\u{2f5}pr!paid out of:\0\0GG\0t ar!paid 2out oxnountb\0A",
        "paid out of GG paid 2",
        // "eallocate" is "allocate" with one typo to the reader, so an asker who allocates
        // funds ("we … allocate" with a fund word) must reach the rules through the gate too.
        "oonthly invoicing\n[We\u{1}oan\n+\0\0\0eallocate\u{21b2}\u{17}",
        "credit line we alocate",
        "we would like the cash",
    ];
    for q in cases {
        let a = answer_move(q, None).expect("an answer");
        assert!(
            a == MoveAnswer::default() || mentions_move(q, None),
            "the gate refuses a question the reader reads as a move: {q:?} → {a:?}"
        );
    }
}
