//! Markdown output, read back by an independent CommonMark parser: the structure a reader sees
//! in a case note is the structure wegwijs meant, and no rule-file text turns into markup.

use crate::common::{ids, stdout};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

struct Outline {
    headings: Vec<(HeadingLevel, String)>,
    links: Vec<String>,
    /// What each link shows, in the order of `links`.
    link_texts: Vec<String>,
    list_items: usize,
    html: usize,
}

fn outline(md: &str) -> Outline {
    let mut o = Outline {
        headings: Vec::new(),
        links: Vec::new(),
        link_texts: Vec::new(),
        list_items: 0,
        html: 0,
    };
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut link_text: Option<String> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => o.headings.extend(heading.take()),
            Event::Text(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some(l) = link_text.as_mut() {
                    l.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                o.links.push(dest_url.to_string());
                link_text = Some(String::new());
            }
            Event::End(TagEnd::Link) => o.link_texts.extend(link_text.take()),
            Event::Start(Tag::Item) => o.list_items += 1,
            Event::Html(_) | Event::InlineHtml(_) => o.html += 1,
            _ => {}
        }
    }
    o
}

#[test]
fn plans_render_as_the_intended_structure() {
    let md = stdout(&[
        "plan",
        "-r",
        "teacher",
        "-c",
        "radicalisation",
        "-a",
        "acute-danger=yes",
        "--format",
        "markdown",
    ]);
    let o = outline(&md);
    let headings: Vec<&str> = o.headings.iter().map(|(_, h)| h.as_str()).collect();
    assert_eq!(
        headings[0],
        "Referral plan: Teacher or school staff · Radicalisation"
    );
    assert_eq!(o.headings[0].0, HeadingLevel::H1);
    assert_eq!(
        &headings[1..],
        [
            "First: urgent",
            "Next steps",
            "Partners to contact",
            "Trainings and methods",
            "Resources",
            "Networks to share and learn",
            "General advice"
        ]
    );
    assert!(o.headings[1..].iter().all(|(l, _)| *l == HeadingLevel::H2));
    assert!(
        o.links
            .contains(&"https://www.socialestabiliteit.nl".to_owned()),
        "{:?}",
        o.links
    );
    assert!(
        o.links.contains(&"mailto:ess@minszw.nl".to_owned()),
        "{:?}",
        o.links
    );
    // An e-mail link shows the address, not `mailto:`.
    assert!(o.link_texts.contains(&"ess@minszw.nl".to_owned()));
    assert!(
        o.link_texts.iter().all(|t| !t.starts_with("mailto:")),
        "{:?}",
        o.link_texts
    );
    assert!(
        o.links
            .iter()
            .all(|l| l.starts_with("https://") || l.starts_with("mailto:")),
        "{:?}",
        o.links
    );
    assert_eq!(o.html, 0);
}

#[test]
fn every_plan_renders_without_stray_markup() {
    for concern in ids("concerns") {
        let md = stdout(&[
            "plan",
            "-r",
            "youth-worker",
            "-c",
            &concern,
            "--format",
            "markdown",
            "--lang",
            "nl",
        ]);
        let o = outline(&md);
        assert_eq!(o.html, 0, "{concern}");
        assert!(o.list_items >= 3, "{concern}");
        assert!(
            o.headings.iter().any(|(_, h)| h == "Volgende stappen"),
            "{concern}: {:?}",
            o.headings
        );
        // Ids and texts are escaped: nothing renders as emphasis markers left over.
        assert!(!md.contains("\\\\"), "{concern}");
    }
}
