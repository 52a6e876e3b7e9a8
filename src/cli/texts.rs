//! The words of the command line in every language: what each command is for, every option's
//! help, the placeholders (`ROL`, `VRAAG=OPTIE`), the examples, and the few words clap's help
//! layout needs (`Usage`, `Options`). [`super::localize`] puts them into clap's `Command` for the
//! chosen language; the manual page and clap's errors take their words from here too.
//!
//! Each text gives its words as a tuple with one entry per [`Lang`], in the order of
//! [`Lang::ALL`] (Dutch, English). A third language makes the `match lang` in [`Help::text`]
//! fail to compile; widening the tuple then fails at every text that still lacks its words.

use std::fmt;

use crate::i18n::{Lang, Message};

/// A fixed text of the command line's help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each variant is its own text, shown in `text`
pub enum Help {
    // What each command is for (`about`), and what its help says after the options.
    About,
    AboutLong,
    AfterRoot,
    PlanAbout,
    PlanAfter,
    AskAbout,
    AskAfter,
    ListAbout,
    ListAfter,
    CheckAbout,
    CheckAfter,
    GraphAbout,
    GraphAfter,
    ExportAbout,
    ExportAfter,
    TestAbout,
    TestAfter,
    BatchAbout,
    BatchAfter,
    SchemaAbout,
    SchemaAfter,
    DiffAbout,
    DiffAfter,
    ReviewAbout,
    ReviewAfter,
    CompletionsAbout,
    CompletionsAfter,
    InitAbout,
    InitAfter,
    ManAbout,
    ManAfter,
    HelpAbout,

    // Options and arguments.
    Rules,
    Lang,
    Verbose,
    Today,
    HelpFlag,
    VersionFlag,
    HelpCommand,
    Role,
    Concern,
    Answer,
    AnswersFile,
    AskAnswersFile,
    SaveAnswers,
    Explain,
    Format,
    AskFormat,
    Output,
    ListWhat,
    CheckFiles,
    DenyWarnings,
    CheckMaxAge,
    MaxSourceAge,
    GraphRole,
    GraphConcern,
    ExportWhat,
    ExportMaxAge,
    TestFiles,
    SchemaKind,
    DiffFiles,
    OldRules,
    NewRules,
    DiffMaxPaths,
    OlderThan,
    ReviewMaxPaths,
    Shell,
    InitWhat,
    InitName,
    Force,

    // The values of options, as the long help and the completions describe them.
    ValNl,
    ValEn,
    ValText,
    ValMarkdown,
    ValJson,
    ValDot,
    ValMermaid,
    ValChecklist,
    ValCsv,
    ValRoles,
    ValConcerns,
    ValQuestions,
    ValSteps,
    ValPartners,
    ValTrainings,
    ValResources,
    ValNetworks,
    ValAdvice,
    ValSlots,
    ValOverlay,
    ValHtml,
    ValSchemaRules,
    ValSchemaPlan,
    ValSchemaCheck,
    ValSchemaOverlay,
    ValSchemaTests,
    ValSchemaError,
    ValSchemaDiff,
    ValSchemaReview,

    // Placeholders for values.
    PhFile,
    PhRole,
    PhConcern,
    PhAnswer,
    PhDays,
    PhN,
    PhDate,
    PhOld,
    PhNew,
    PhWhat,
    PhKind,
    PhShell,
    PhFormat,
    PhLang,
    PhName,
    PhCommand,

    // The words of clap's help layout.
    Usage,
    Options,
    Arguments,
    Commands,
    OptionsToken,
    Default,
    PossibleValues,
    PossibleValuesHeading,
}

impl Help {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.pick(self.words())
    }

    /// The words in every language, in the order of [`Lang::ALL`].
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Help::About => (
                "Met wie samenwerken en wat nu te doen: een verwijsplan voor professionals in de frontlinie bij maatschappelijke spanningen, polarisatie, radicalisering of overlastgevende jeugdgroepen.",
                "Whom to work with and what to do next: a referral plan for Dutch frontline professionals facing social tensions, polarisation, radicalisation or troublesome youth groups.",
            ),
            Help::AboutLong => (
                "Met wie samenwerken en wat nu te doen: een verwijsplan voor professionals in de frontlinie bij maatschappelijke spanningen, polarisatie, radicalisering of overlastgevende jeugdgroepen.\n\nBij acuut gevaar: bel 112.",
                "Whom to work with and what to do next: a referral plan for Dutch frontline professionals facing social tensions, polarisation, radicalisation or troublesome youth groups.\n\nIn acute danger, call 112.",
            ),
            Help::AfterRoot => (
                "Voorbeelden:
  wegwijs plan --role jongerenwerker --concern radicalisering
  wegwijs plan --role docent --concern polarisatie --answer acuut-gevaar=ja
  wegwijs plan --role wijkagent --concern jeugdgroepen --format json | jq .recommendations
  wegwijs list roles
  wegwijs check mijn-regels.json",
                "Examples:
  wegwijs plan --role youth-worker --concern radicalisation
  wegwijs plan --role jongerenwerker --concern radicalisering --lang nl
  wegwijs plan --role teacher --concern polarisation --answer acute-danger=yes
  wegwijs plan --role police-officer --concern youth-groups --format json | jq .recommendations
  wegwijs list roles
  wegwijs check my-rules.json",
            ),
            Help::PlanAbout => (
                "Toon het verwijsplan voor een rol en een zorg.",
                "Print the referral plan for a role and a concern.",
            ),
            Help::PlanAfter => (
                "Voorbeelden:
  wegwijs plan --role jongerenwerker --concern radicalisering
  wegwijs plan --role wijkagent --concern jeugdgroepen --answer criminaliteit=ja
  wegwijs plan --role docent --concern uitstap --format markdown > plan.md",
                "Examples:
  wegwijs plan --role youth-worker --concern radicalisation
  wegwijs plan --role wijkagent --concern jeugdgroepen --answer crime=yes --lang nl
  wegwijs plan --role teacher --concern exit-support --format markdown > plan.md",
            ),
            Help::AskAbout => (
                "Beantwoord een paar vragen in de terminal en krijg het plan (wat `wegwijs` zonder opdracht in een terminal doet).",
                "Answer a few questions in the terminal and get the plan (what plain `wegwijs` does in a terminal).",
            ),
            Help::AskAfter => (
                "Eerst komt de vraag naar acuut gevaar, dan uw rol en zorg, dan alleen wat uw situatie nodig heeft.
Bij elke vraag na de eerste kunt u terug; voor het plan kunt u elk antwoord wijzigen. Aan het eind
staat de `wegwijs plan`-opdracht die hetzelfde plan geeft. Esc of Ctrl-C stopt (afsluitcode 130).

Voorbeelden:
  wegwijs ask
  wegwijs ask --format markdown > plan.md
  wegwijs ask --answers examples/answers.json --save-answers mijn-antwoorden.json",
                "Acute danger is asked first, then your role and concern, then only what your situation needs.
Every question after the first can go back; before the plan you can change any answer. The end
shows the `wegwijs plan` command that gives the same plan. Esc or Ctrl-C stops (exit code 130).

Examples:
  wegwijs ask
  wegwijs ask --lang nl --format markdown > plan.md
  wegwijs ask --answers examples/answers.json --save-answers my-answers.json",
            ),
            Help::ListAbout => (
                "Toon rollen, zorgen, vragen of catalogusitems, om te zien wat u kunt typen.",
                "List roles, concerns, questions or catalog entries, to discover what to type.",
            ),
            Help::ListAfter => (
                "Voorbeelden:
  wegwijs list roles
  wegwijs list questions
  wegwijs list partners --format json",
                "Examples:
  wegwijs list roles
  wegwijs list questions --lang nl
  wegwijs list partners --format json",
            ),
            Help::CheckAbout => (
                "Controleer regelsets op fouten en waarschuwingen (zonder BESTAND: de ingebouwde regelset).",
                "Check rule graphs for errors and warnings (no FILE: the built-in graph).",
            ),
            Help::CheckAfter => (
                "Voorbeelden:
  wegwijs check
  wegwijs check mijn-regels.json --deny-warnings
  wegwijs check mijn-regels.json --format json",
                "Examples:
  wegwijs check
  wegwijs check my-rules.json --deny-warnings
  wegwijs check my-rules.json --format json",
            ),
            Help::GraphAbout => (
                "Teken de beslisgraaf (of het deel dat één rol en zorg bereiken) als DOT of Mermaid.",
                "Draw the decision graph (or the part one role and concern reach) as DOT or Mermaid.",
            ),
            Help::GraphAfter => (
                "Vragen zijn zeshoeken, aanbevelingen afgeronde vakken, en de pijlen dragen de antwoorden.

Voorbeelden:
  wegwijs graph --role jongerenwerker --concern uitstap | dot -Tsvg > uitstap.svg
  wegwijs graph --format mermaid --concern radicalisering > radicalisering.mmd",
                "Questions are hexagons, recommendation nodes rounded boxes, and edges carry the answers.

Examples:
  wegwijs graph --role youth-worker --concern exit-support | dot -Tsvg > exit-support.svg
  wegwijs graph --format mermaid --concern radicalisation --lang nl > radicalisering.mmd",
            ),
            Help::ExportAbout => (
                "Schrijf de vragenlijst als één zelfstandige HTML-pagina, voor wie geen terminal heeft.",
                "Write the questionnaire as one self-contained HTML page, for people without a terminal.",
            ),
            Help::ExportAfter => (
                "De pagina bevat de (samengevoegde) regelset en stelt dezelfde vragen als `wegwijs ask`, in de
browser, offline. Ze laadt niets van elders, slaat niets op en verstuurt niets; een
Content-Security-Policy in de pagina verbiedt het. Stuur de uitvoer naar een bestand: de pagina
wordt niet in een terminal getoond.

Voorbeelden:
  wegwijs export html > wegwijs.html
  wegwijs --rules rules/default.json --rules onze-partners.json export html > wegwijs.html",
                "The page holds the (merged) graph and asks the same questions as `wegwijs ask`, in the browser,
offline. It loads nothing from anywhere, stores nothing and sends nothing; a Content-Security-Policy
in the page forbids it. Redirect the output to a file: the page is not printed to a terminal.

Examples:
  wegwijs export html > wegwijs.html
  wegwijs --rules rules/default.json --rules onze-partners.json export html --lang nl > wegwijs.html",
            ),
            Help::TestAbout => (
                "Draai regeltests: vastgelegde verwachte uitkomsten van de geladen regelset.",
                "Run rule tests: pinned expected outcomes of the loaded graph.",
            ),
            Help::TestAfter => (
                "Een testbestand is {\"cases\": [{\"name\": .., \"role\": .., \"concern\": .., \"answers\": {..},
\"expect\": {\"include\": [\"partner:lse\"], \"exclude\": [..], \"urgent\": false, \"first_steps\": [..]}}]}.
Afsluitcode 1 als een geval faalt; --verbose toont ook de geslaagde gevallen.

Voorbeelden:
  wegwijs test rules/tests/*.json
  wegwijs --rules mijn-basis.json --rules mijn-aanvulling.json test mijn-tests/*.json",
                "A test file is {\"cases\": [{\"name\": .., \"role\": .., \"concern\": .., \"answers\": {..},
\"expect\": {\"include\": [\"partner:lse\"], \"exclude\": [..], \"urgent\": false, \"first_steps\": [..]}}]}.
Exit code 1 when any case fails; --verbose lists passing cases too.

Examples:
  wegwijs test rules/tests/*.json
  wegwijs --rules my-base.json --rules my-overlay.json test my-tests/*.json",
            ),
            Help::BatchAbout => (
                "Beantwoord veel vragen: JSON Lines op stdin, per regel één JSON-plan (of fout) op stdout.",
                "Answer many queries: JSON Lines on stdin, one JSON plan (or error) per line on stdout.",
            ),
            Help::BatchAfter => (
                "Elke invoerregel is een object: {\"role\": .., \"concern\": .., \"answers\": {..}, \"lang\": \"nl\"}.
Een regel die geen plan geeft, levert {\"line\": N, \"error\": {\"kind\": .., \"message\": ..}} op en de
verwerking gaat door; de afsluitcode is 1 als een regel faalde.

Voorbeelden:
  wegwijs batch < examples/batch-queries.jsonl
  echo '{\"role\":\"docent\",\"concern\":\"polarisatie\"}' | wegwijs batch | jq .recommendations",
                "Each input line is an object: {\"role\": .., \"concern\": .., \"answers\": {..}, \"lang\": \"nl\"}.
A line that gives no plan yields {\"line\": N, \"error\": {\"kind\": .., \"message\": ..}} and the run
goes on; the exit code is 1 when any line failed.

Examples:
  wegwijs batch < examples/batch-queries.jsonl
  echo '{\"role\":\"teacher\",\"concern\":\"polarisation\"}' | wegwijs batch | jq .recommendations",
            ),
            Help::SchemaAbout => (
                "Toon het JSON Schema van het regelbestand, van een plan of van het controlerapport.",
                "Print the JSON Schema of the rule file, of a plan, or of the check report.",
            ),
            Help::SchemaAfter => (
                "Voorbeelden:
  wegwijs schema rules > rules.schema.json
  wegwijs schema plan",
                "Examples:
  wegwijs schema rules > rules.schema.json
  wegwijs schema plan",
            ),
            Help::DiffAbout => (
                "Vergelijk twee regelsets op de plannen die ze geven: wat een wijziging voor professionals betekent.",
                "Compare two rule graphs by the plans they give: what a change does to professionals.",
            ),
            Help::DiffAfter => (
                "OUD en NIEUW zijn regelbestanden (een aanvulling alleen geldt voor de ingebouwde regelset).
Zonder NIEUW is de nieuwe kant wat --rules kiest (standaard de ingebouwde regelset); zonder OUD
ook, dan zijn beide kanten dat. --old-rules en --new-rules geven in plaats daarvan een basis en
haar aanvullingen (herhaal ze). Afsluitcode 0 als er niets verandert, 1 als er iets verandert, 2
bij problemen, zoals diff(1).

Voorbeelden:
  wegwijs diff oud-default.json rules/default.json
  wegwijs diff oud-default.json --format markdown --output docs/wijzigingen.md
  wegwijs diff --old-rules basis.json --new-rules basis.json --new-rules onze-partners.json",
                "OLD and NEW are rule files (an overlay alone applies to the built-in graph). Without NEW the
new side is what --rules selects (the built-in graph by default); without OLD too, both are.
--old-rules and --new-rules give a base and its overlays instead (repeat them).
Exit code 0 when nothing changes, 1 when something does, 2 for trouble, as diff(1).

Examples:
  wegwijs diff old-default.json rules/default.json
  wegwijs diff old-default.json --format markdown --output docs/changes.md
  wegwijs diff --old-rules base.json --new-rules base.json --new-rules onze-partners.json",
            ),
            Help::ReviewAbout => (
                "Een werkblad van elk gegeven dat kan verouderen, met zijn bron, het meest riskante eerst.",
                "A worksheet of every fact that can go stale, with its source, riskiest first.",
            ),
            Help::ReviewAfter => (
                "Elk contactgegeven, webadres, aanbieder, naam en samenvatting van elke partner, training,
hulpbron en elk netwerk, met de bronpagina, controledatum, geverifieerd-vlag en kanttekening, de
plannen waarin het voorkomt en het bestand waaruit het komt. Eerst het ongeverifieerde, dan de
oudste controle, dan wat in de meeste plannen staat.

Voorbeelden:
  wegwijs review > review.md
  wegwijs review --older-than 365 --format csv --output te-controleren.csv
  wegwijs --rules onze-partners.json review --format json",
                "Each contact detail, web address, provider, name and summary of every partner, training,
resource and network, with its source page, review date, verified flag and caveat, the plans it
appears in and the file it comes from. Unverified first, then the oldest review, then the most
plans.

Examples:
  wegwijs review > review.md
  wegwijs review --older-than 365 --format csv --output due.csv
  wegwijs --rules onze-partners.json review --format json",
            ),
            Help::CompletionsAbout => (
                "Toon een script voor aanvullen in de shell, dat de ids en aliassen van de geladen regelset kent.",
                "Print a shell completion script that offers the ids of the loaded graph.",
            ),
            Help::CompletionsAfter => (
                "Bash, zsh en fish vullen ook waarden aan (rollen, zorgen, VRAAG=OPTIE, in beide talen);
PowerShell en elvish alleen opdrachten en opties.

Voorbeelden:
  wegwijs completions bash > ~/.local/share/bash-completion/completions/wegwijs
  wegwijs completions zsh > ~/.zfunc/_wegwijs
  wegwijs --rules mijn-regels.json completions fish > ~/.config/fish/completions/wegwijs.fish",
                "Bash, zsh and fish also complete values (roles, concerns, QUESTION=OPTION, in both
languages); PowerShell and elvish only commands and options.

Examples:
  wegwijs completions bash > ~/.local/share/bash-completion/completions/wegwijs
  wegwijs completions zsh > ~/.zfunc/_wegwijs
  wegwijs --rules my-rules.json completions fish > ~/.config/fish/completions/wegwijs.fish",
            ),
            Help::InitAbout => (
                "Schrijf een startaanvulling met elk lokaal gegeven van de geladen regelset, voor een gemeente of regio om in te vullen.",
                "Write a starter overlay with every local slot of the loaded graph, for a municipality or region to fill in.",
            ),
            Help::InitAfter => (
                "De startaanvulling vult elk lokaal gegeven (het OOV-contact van de gemeente, het sociaal team, ...)
met de algemene tekst van de regelset als hint, lege contactvelden en een notitie die zegt wat er
hoort en waar u het vindt. Onaangevuld verandert ze niets: `wegwijs check BESTAND` slaagt met
notities. Vul namen, contactgegevens, `source` en `reviewed` in, controleer haar en gebruik haar
met --rules.

Voorbeelden:
  wegwijs init overlay --name \"Gemeente Voorbeeld\" --output voorbeeld.json
  wegwijs check voorbeeld.json
  wegwijs --rules voorbeeld.json export html > wegwijs-voorbeeld.html",
                "The starter patches each local slot (the municipality's OOV contact, its social team, ...) with
the graph's generic text as a hint, empty contact fields and a note saying what belongs there
and where to find it. Unfilled, it changes nothing: `wegwijs check FILE` passes with notes.
Fill in names, contact details, `source` and `reviewed`, then check it and use it with --rules.

Examples:
  wegwijs init overlay --name \"Gemeente Voorbeeld\" --lang nl --output voorbeeld.json
  wegwijs check voorbeeld.json
  wegwijs --rules voorbeeld.json export html --lang nl > wegwijs-voorbeeld.html",
            ),
            Help::ManAbout => (
                "Toon de handleiding (roff), in de gekozen taal.",
                "Print the manual page (roff), in the chosen language.",
            ),
            Help::ManAfter => (
                "Voorbeeld:
  wegwijs --lang nl man > wegwijs.1 && man ./wegwijs.1",
                "Example:
  wegwijs man > wegwijs.1 && man ./wegwijs.1",
            ),
            Help::HelpAbout => (
                "Toon deze hulp of die van de genoemde opdracht.",
                "Print this message or the help of the given subcommand.",
            ),

            Help::Rules => (
                "Laad deze regelset in plaats van de ingebouwde (herhaal voor aanvullingen).",
                "Load this rule graph instead of the built-in one (repeat for overlays).",
            ),
            Help::Lang => (
                "Taal van de uitvoer [standaard: WEGWIJS_LANG, anders nl als de locale Nederlands is, anders en].",
                "Language of the output [default: WEGWIJS_LANG, else nl when the locale is Dutch, else en].",
            ),
            Help::Verbose => (
                "Toon ook waarschuwingen over de regelset op stderr.",
                "Also show warnings about the rule graph on stderr.",
            ),
            Help::Today => (
                "Neem deze datum (JJJJ-MM-DD) als vandaag bij het beoordelen van controledata, voor herhaalbare uitvoer [omgeving: WEGWIJS_TODAY].",
                "Take this date (YYYY-MM-DD) as today when judging review dates, for reproducible output [env: WEGWIJS_TODAY].",
            ),
            Help::HelpFlag => ("Toon de hulp.", "Print help."),
            Help::VersionFlag => ("Toon de versie.", "Print version."),
            Help::HelpCommand => (
                "De opdracht waarvan u de hulp wilt zien.",
                "The command to show the help of.",
            ),
            Help::Role => (
                "Uw rol (id of alias), bijvoorbeeld jongerenwerker of youth-worker [verplicht, tenzij het --answers-bestand `role` geeft].",
                "Your role (id or alias), e.g. youth-worker or jongerenwerker [required unless the --answers file gives `role`].",
            ),
            Help::Concern => (
                "Waar u zich zorgen over maakt (id of alias), bijvoorbeeld radicalisering of radicalisation [verplicht, tenzij het --answers-bestand `concern` geeft].",
                "What you are worried about (id or alias), e.g. radicalisation or radicalisering [required unless the --answers file gives `concern`].",
            ),
            Help::Answer => (
                "Een antwoord op een vervolgvraag, als VRAAG=OPTIE; herhaal voor meer.",
                "An answer to a follow-up question, as QUESTION=OPTION; repeat for more.",
            ),
            Help::AnswersFile => (
                "Lees antwoorden uit een JSON-object {\"role\": .., \"concern\": .., \"VRAAG\": \"OPTIE\", ...} (wat `ask --save-answers` schrijft); --role, --concern en --answer gaan voor.",
                "Read answers from a JSON object {\"role\": .., \"concern\": .., \"QUESTION\": \"OPTION\", ...} (what `ask --save-answers` writes); --role, --concern and --answer override it.",
            ),
            Help::AskAnswersFile => (
                "Begin met de antwoorden in dit JSON-object (beantwoorde vragen worden overgeslagen).",
                "Start from the answers in this JSON object (questions already answered are skipped).",
            ),
            Help::SaveAnswers => (
                "Schrijf de gegeven antwoorden als JSON naar dit bestand (zonder deze optie wordt niets geschreven).",
                "Write the answers given to this file as JSON (nothing is written without this).",
            ),
            Help::Explain => (
                "Zeg bij elke aanbeveling welk knooppunt en antwoord haar in het plan brachten.",
                "Say for every recommendation which node and answer put it in the plan.",
            ),
            Help::Format => ("Uitvoervorm.", "Output format."),
            Help::AskFormat => ("Uitvoervorm van het plan.", "Output format of the plan."),
            Help::Output => (
                "Schrijf naar dit bestand in plaats van stdout; het wordt pas vervangen als alles geschreven is.",
                "Write to this file instead of stdout; it is replaced only when everything was written.",
            ),
            Help::ListWhat => ("Wat er getoond wordt.", "What to list."),
            Help::CheckFiles => (
                "Te controleren regelbestanden; zonder bestanden de ingebouwde regelset (of de --rules-bestanden).",
                "Rule files to check; none checks the built-in graph (or the --rules files).",
            ),
            Help::DenyWarnings => (
                "Faal (afsluitcode 1) ook bij waarschuwingen.",
                "Fail (exit 1) on warnings too.",
            ),
            Help::CheckMaxAge => (
                "Waarschuw voor items die langer dan zoveel dagen geleden gecontroleerd zijn.",
                "Warn about entries reviewed longer ago than this many days.",
            ),
            Help::MaxSourceAge => (
                "Waarschuw voor items waarvan de bronpagina meer dan zoveel dagen ouder is dan hun controledatum (W009).",
                "Warn about entries whose source page is dated more than this many days before the entry's review date (W009).",
            ),
            Help::GraphRole => (
                "Teken alleen wat deze rol (id of alias) bereikt.",
                "Draw only what this role (id or alias) reaches.",
            ),
            Help::GraphConcern => (
                "Teken alleen wat deze zorg (id of alias) bereikt.",
                "Draw only what this concern (id or alias) reaches.",
            ),
            Help::ExportWhat => ("Wat er geschreven wordt.", "What to write."),
            Help::ExportMaxAge => (
                "Markeer items die langer dan zoveel dagen geleden gecontroleerd zijn, geteld vanaf de dag dat de pagina geopend wordt (niet de dag dat ze geschreven is).",
                "Flag entries reviewed longer ago than this many days, counted from the day the page is opened (not the day it was written).",
            ),
            Help::TestFiles => ("Testbestanden.", "Test files."),
            Help::SchemaKind => ("Welk document.", "Which document."),
            Help::DiffFiles => (
                "De regelbestanden OUD en NIEUW (zie hieronder).",
                "OLD and NEW rule files (see below).",
            ),
            Help::OldRules => (
                "De oude regelset: een basisbestand en zijn aanvullingen, op volgorde (herhaal; in plaats van OUD).",
                "The old graph: a base file and its overlays, in order (repeat; instead of OLD).",
            ),
            Help::NewRules => (
                "De nieuwe regelset: een basisbestand en zijn aanvullingen, op volgorde (herhaal; in plaats van NIEUW).",
                "The new graph: a base file and its overlays, in order (repeat; instead of NEW).",
            ),
            Help::DiffMaxPaths => (
                "Vergelijk plannen één voor één tot zoveel antwoordpaden; daarboven alleen items en knooppunten.",
                "Compare plans one by one up to this many answer paths; beyond it compare entries and nodes only.",
            ),
            Help::OlderThan => (
                "Alleen gegevens die meer dan zoveel dagen geleden gecontroleerd zijn.",
                "Only facts reviewed more than this many days ago.",
            ),
            Help::ReviewMaxPaths => (
                "Tel de plannen van elk gegeven tot zoveel antwoordpaden.",
                "Count the plans of each fact up to this many answer paths.",
            ),
            Help::Shell => ("De shell.", "The shell."),
            Help::InitWhat => ("Wat er geschreven wordt.", "What to write."),
            Help::InitName => (
                "De gemeente of regio waarvoor de aanvulling is, bijvoorbeeld \"Gemeente Voorbeeld\".",
                "The municipality or region the overlay is for, e.g. \"Gemeente Voorbeeld\".",
            ),
            Help::Force => (
                "Overschrijf BESTAND als het al bestaat.",
                "Overwrite FILE if it exists.",
            ),

            Help::ValNl => ("Nederlands", "Dutch"),
            Help::ValEn => ("Engels", "English"),
            Help::ValText => (
                "Leesbare tekst, passend gemaakt voor de terminal",
                "Readable text, wrapped to the terminal",
            ),
            Help::ValMarkdown => (
                "Markdown, om in een dossier of e-mail te plakken",
                "Markdown, to paste into a case note or an e-mail",
            ),
            Help::ValJson => ("JSON, voor programma's", "JSON, for programs"),
            Help::ValDot => ("Graphviz DOT (`dot -Tsvg`)", "Graphviz DOT (`dot -Tsvg`)"),
            Help::ValMermaid => (
                "Een Mermaid-stroomschema (toont op GitLab, GitHub en in veel wiki's)",
                "A Mermaid flowchart (renders on GitLab, GitHub and in many wikis)",
            ),
            Help::ValChecklist => (
                "Een afvinklijst, één `- [ ]` per gegeven",
                "A checklist, one `- [ ]` per fact",
            ),
            Help::ValCsv => (
                "Eén rij per gegeven met een kopregel (RFC 4180)",
                "One row per fact with a header row (RFC 4180)",
            ),
            Help::ValRoles => ("Beroepsrollen", "Professional roles"),
            Help::ValConcerns => ("Zorgen", "Concerns"),
            Help::ValQuestions => (
                "Vervolgvragen en hun opties",
                "Follow-up questions and their options",
            ),
            Help::ValSteps => ("Concrete volgende stappen", "Concrete next steps"),
            Help::ValPartners => ("Partnerorganisaties", "Partner organisations"),
            Help::ValTrainings => ("Trainingen en methodieken", "Trainings and methods"),
            Help::ValResources => ("Publicaties en hulpmiddelen", "Publications and tools"),
            Help::ValNetworks => (
                "Netwerken om kennis te delen",
                "Networks to share and learn",
            ),
            Help::ValAdvice => ("Algemeen advies", "General advice"),
            Help::ValSlots => (
                "Lokale gegevens (wat elke gemeente invult) en welke aanvulling elk invulde",
                "Local slots (what each municipality fills in) and which overlay filled each",
            ),
            Help::ValOverlay => (
                "Een startaanvulling met elk lokaal gegeven van de geladen regelset",
                "A starter overlay with every local slot of the loaded graph",
            ),
            Help::ValHtml => (
                "Eén HTML-bestand met de vragenlijst, de regelset, script en opmaak erin",
                "One HTML file with the questionnaire, the graph, script and style inside",
            ),
            Help::ValSchemaRules => (
                "Een regelbestand (wat --rules en check lezen)",
                "A rule-graph file (what --rules and check read)",
            ),
            Help::ValSchemaPlan => (
                "Een plan (plan --format json, elke regel van batch die een plan geeft)",
                "A plan (plan --format json, each line of batch that gives a plan)",
            ),
            Help::ValSchemaCheck => (
                "Het rapport van check --format json",
                "The report of check --format json",
            ),
            Help::ValSchemaOverlay => (
                "Een aanvullingsbestand (lokale toevoegingen aan een regelset)",
                "An overlay file (local additions to a graph)",
            ),
            Help::ValSchemaTests => (
                "Een regeltestbestand (wegwijs test)",
                "A rule-test file (wegwijs test)",
            ),
            Help::ValSchemaError => (
                "Een fout: een mislukte regel van batch, of de fout van een opdracht op stderr met --format json",
                "An error: a failed line of batch, or a command's error on stderr with --format json",
            ),
            Help::ValSchemaDiff => (
                "Het rapport van diff --format json",
                "The report of diff --format json",
            ),
            Help::ValSchemaReview => (
                "Het werkblad van review --format json",
                "The worksheet of review --format json",
            ),

            Help::PhFile => ("BESTAND", "FILE"),
            Help::PhRole => ("ROL", "ROLE"),
            Help::PhConcern => ("ZORG", "CONCERN"),
            Help::PhAnswer => ("VRAAG=OPTIE", "QUESTION=OPTION"),
            Help::PhDays => ("DAGEN", "DAYS"),
            Help::PhN => ("N", "N"),
            Help::PhDate => ("DATUM", "DATE"),
            Help::PhOld => ("OUD", "OLD"),
            Help::PhNew => ("NIEUW", "NEW"),
            Help::PhWhat => ("WAT", "WHAT"),
            Help::PhKind => ("SOORT", "KIND"),
            Help::PhShell => ("SHELL", "SHELL"),
            Help::PhFormat => ("VORM", "FORMAT"),
            Help::PhLang => ("TAAL", "LANG"),
            Help::PhName => ("NAAM", "NAME"),
            Help::PhCommand => ("OPDRACHT", "COMMAND"),

            Help::Usage => ("Gebruik", "Usage"),
            Help::Options => ("Opties", "Options"),
            Help::Arguments => ("Argumenten", "Arguments"),
            Help::Commands => ("Opdrachten", "Commands"),
            Help::OptionsToken => ("[OPTIES]", "[OPTIONS]"),
            Help::Default => ("standaard", "default"),
            Help::PossibleValues => ("mogelijke waarden", "possible values"),
            Help::PossibleValuesHeading => ("Mogelijke waarden", "Possible values"),
        }
    }
}

impl Message for Help {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.text(lang))
    }
}

/// Words that mark English text. Not "of" or "is": they are Dutch words too.
#[cfg(test)]
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "must",
    "file",
    "files",
    "not",
    "with",
    "this",
    "that",
    "print",
    "show",
    "when",
    "which",
    "your",
    "for",
    "are",
    "to",
    "from",
    "only",
    "write",
    "read",
    "each",
    "every",
    "usage",
    "options",
    "arguments",
    "commands",
    "default",
    "possible",
    "values",
    "error",
    "found",
    "required",
    "provided",
    "unexpected",
    "invalid",
    "similar",
    "exists",
    "more",
    "information",
    "try",
    "examples",
    "example",
];

/// The English words in `text`, leaving out options (`--answers`), commands in examples,
/// code in backquotes and JSON.
#[cfg(test)]
pub(crate) fn english_words(text: &str, values: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        // An example line is a command: its words are ids, flags and file names.
        if line.trim_start().starts_with("wegwijs ") || line.trim_start().starts_with("echo ") {
            continue;
        }
        let mut in_code = false;
        for token in line.split_whitespace() {
            if token.matches('`').count() % 2 == 1 {
                in_code = !in_code;
                continue;
            }
            if in_code || token.starts_with('-') || token.contains(['`', '{', '"', '=', '/', '\''])
            {
                continue;
            }
            for word in token.split(|c: char| !c.is_alphabetic()) {
                let word = word.to_lowercase();
                if ENGLISH.contains(&word.as_str()) && !values.contains(&word) {
                    found.push(format!("{word} (in: {line})"));
                }
            }
        }
    }
    found
}
