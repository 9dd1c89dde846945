//! The voices read in each written debate (`fixtures/accuracy/debates-dev.tsv`):
//! per block, each sentence's voices (side, actor, cue, weak), the block's
//! exchange and last word, and the codes the debate gets.
//!
//! ```text
//! cargo run --release --example debate_trace              # every debate
//! cargo run --release --example debate_trace -- last-word  # those whose id starts so
//! echo 'id<TAB>kind<TAB>Subject<TAB>Heading<TAB>text' | cargo run --example debate_trace -- -
//! cargo run --release --example debate_trace -- c-last-word  # set c, in its host articles
//! ```
//!
//! Set c (`fixtures/accuracy/debates-c.tsv`) is traced as Markdown inside its
//! host article, and only the inserted section is printed.

#![allow(clippy::print_stdout)] // a report on stdout

#[path = "../tests/support/accuracy.rs"]
mod accuracy;

use encyclint::settings::Settings;
use encyclint::source::Format;

fn main() {
    let want = std::env::args().nth(1).unwrap_or_default();
    let set_c = want.starts_with("c-");
    let hosts: Vec<accuracy::HostedDebate> = if set_c {
        accuracy::debates_c()
    } else {
        Vec::new()
    };
    let cases = if set_c {
        hosts.iter().map(|h| h.debate.clone()).collect()
    } else if want == "-" {
        let mut line = String::new();
        let mut all = Vec::new();
        while std::io::stdin().read_line(&mut line).unwrap_or(0) > 0 {
            all.extend(accuracy::debate_of_line(line.trim_end()));
            line.clear();
        }
        all
    } else {
        accuracy::debates()
    };
    for d in cases {
        if want != "-" && !d.case.starts_with(&want) {
            continue;
        }
        let host = hosts.iter().find(|h| h.debate.case == d.case);
        let codes = match host {
            Some(h) => accuracy::hosted_findings(h, Format::Markdown).unwrap_or_default(),
            None => accuracy::debate_findings(&d),
        };
        let ok = accuracy::debate_as_expected(&d, &codes);
        println!(
            "== {} {} [{}] {} codes {:?}",
            d.case,
            d.kind,
            d.heading,
            if ok { "OK" } else { "MISS" },
            codes
        );
        let src = match host.and_then(|h| accuracy::hosted_article(h, Format::Markdown)) {
            Some((src, _)) => src,
            None => accuracy::debate_article(&d),
        };
        let a = encyclint::analysis::article(&src, None, &Settings::default());
        for s in a.sections_flat() {
            if host.is_some() && s.heading.text != d.heading {
                continue;
            }
            let f = &s.facts.balance;
            println!(
                "  section {:?}: controversy {} exchanges {} pro-last {} con-last {}",
                s.heading.text, f.controversy, f.exchanges, f.last_word_pro, f.last_word_con
            );
            for b in &s.blocks {
                let bf = encyclint::analysis::balance::block_facts(b);
                println!(
                    "  -- block: exchange {} last pro {} con {}",
                    bf.exchanges, bf.last_word_pro, bf.last_word_con
                );
                for sen in b.sentences() {
                    let vs: Vec<String> = sen.voices().iter().map(accuracy::voice_tag).collect();
                    println!("     {:<40} {}", vs.join(" "), sen.text);
                }
            }
        }
    }
}
