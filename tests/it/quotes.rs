use corroborate::{extract, Document};

fn seeds() -> Vec<Document> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let p = e.unwrap().path();
        let id = p.file_stem().unwrap().to_string_lossy().to_string();
        v.push(Document::new(id, std::fs::read_to_string(&p).unwrap()));
    }
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

#[test]
#[ignore]
fn dump_seeds() {
    let docs = seeds();
    let x = extract::actors_and_quotes(&docs);
    for a in &x.actors {
        println!(
            "A{} {:?} {:?} aliases={:?} roles={:?} n={}",
            a.id.0,
            a.name,
            a.kind,
            a.aliases,
            a.roles,
            a.mentions.len()
        );
    }
    for q in &x.quotes {
        let sp = q.speaker.map(|s| x.actors[s.0 as usize].name.clone());
        println!(
            "{} {:?} [{:?}] <{:?}> {:?} :: {}",
            &q.doc.0[..3],
            q.kind,
            sp,
            q.speaker_text,
            q.cue,
            q.text.chars().take(70).collect::<String>()
        );
    }
}
