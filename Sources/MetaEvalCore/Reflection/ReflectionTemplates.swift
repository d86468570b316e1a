/// The prompts of a new entry, per moment and language, and the log's README.
public enum ReflectionTemplates {
  /// Headings with a prompt under each; the exported draft finds its parts by these headings.
  public static func body(for moment: Moment, language: Language) -> String {
    let sections: [(String, String)]
    switch (moment, language) {
    case (.before, .en):
      sections = [
        (
          "What do we want to learn?",
          "What would we like to know at the end that we do not know now?"
        ),
        (
          "Which question should a later evaluation answer?",
          "One sharp question, so that the evaluation can answer it."
        ),
        ("Who commissions that evaluation?", "Who asks for it, and who receives it?"),
        ("What would success look like?", "For the product, the process and the people."),
      ]
    case (.before, .nl):
      sections = [
        ("Wat willen we leren?", "Wat willen we aan het eind weten dat we nu niet weten?"),
        (
          "Welke vraag moet een latere evaluatie beantwoorden?",
          "Eén scherpe vraag, zodat de evaluatie die kan beantwoorden."
        ),
        ("Wie is opdrachtgever van die evaluatie?", "Wie vraagt erom, en wie ontvangt haar?"),
        ("Wanneer is het geslaagd?", "Voor het product, het proces en de mensen."),
      ]
    case (.during, .en):
      sections = [
        ("Product: what goes well, what does not?", "The system, its quality and its functions."),
        ("Process: what goes well, what does not?", "Planning, budget, decisions, governance."),
        ("People: what goes well, what does not?", "Collaboration, communication, roles, skills."),
        ("What do we change?", "Decisions and actions, each with an owner (add them as actions)."),
      ]
    case (.during, .nl):
      sections = [
        ("Product: wat gaat goed, wat niet?", "Het systeem, de kwaliteit en de functies."),
        ("Proces: wat gaat goed, wat niet?", "Planning, budget, besluitvorming, sturing."),
        ("Mensen: wat gaat goed, wat niet?", "Samenwerking, communicatie, rollen, kennis."),
        (
          "Wat veranderen we?",
          "Besluiten en acties, elk met een eigenaar (voeg ze toe als acties)."
        ),
      ]
    case (.after, .en):
      sections = [
        ("What did we learn?", "About the product, the process and the people."),
        (
          "What do we recommend, and who owns each recommendation?",
          "Add each as an action with an owner."
        ),
      ]
    case (.after, .nl):
      sections = [
        ("Wat hebben we geleerd?", "Over het product, het proces en de mensen."),
        (
          "Wat bevelen we aan, en wie is eigenaar van elke aanbeveling?",
          "Voeg elke aanbeveling toe als actie met een eigenaar."
        ),
      ]
    }
    return "\n" + sections.map { "## \($0.0)\n\n<!-- \($0.1) -->\n" }.joined(separator: "\n")
  }

  public static func readme(_ language: Language) -> String {
    switch language {
    case .nl:
      """
      # Reflectiemomenten

      Evalueer niet alleen aan het eind. Bouw reflectiemomenten in: **vooraf** (wat willen we leren,
      welke vraag moet een evaluatie beantwoorden, wie is opdrachtgever), **tijdens** (wat gaat goed en
      wat niet in product, proces en mensen, wat veranderen we) en **achteraf** (wat bevelen we aan, en
      wie is eigenaar). Soms formeel, soms kort en informeel; soms voor de opdrachtgever, soms voor het
      team, soms voor jezelf.

      Elk moment is één Markdown-bestand hier (`JJJJ-MM-DD-onderwerp.md`), gewoon te bewerken en te
      versioneren. `metaeval reflect new --moment during` maakt er een; `metaeval reflect summary`
      laat zien wat er gedekt is en welke acties openstaan; `metaeval reflect export` maakt er een
      concept-evaluatierapport van.

      """
    case .en:
      """
      # Reflection moments

      Do not evaluate only at the end. Build in reflection moments: **before** (what do we want to
      learn, which question should an evaluation answer, who commissions it), **during** (what goes
      well and what not in product, process and people, what do we change) and **after** (what do we
      recommend, and who owns it). Sometimes formal, sometimes short and informal; sometimes for the
      sponsor, sometimes for the team, sometimes for yourself.

      Each moment is one Markdown file here (`YYYY-MM-DD-topic.md`), plain to edit and to keep in
      git. `metaeval reflect new --moment during` makes one; `metaeval reflect summary` shows what is
      covered and which actions are open; `metaeval reflect export` turns the log into a draft
      evaluation report.

      """
    }
  }
}
