"""Quote candidates: marks, attributions before and after, pronouns, reported speech."""

from __future__ import annotations

import pytest

from casefile.domain.enums import QuoteKind
from casefile.intake import PROPOSED, QuoteCandidate, extract_quotes


def quotes_of(text: str) -> list[QuoteCandidate]:
    found = extract_quotes(text)
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert quote.speaker_start is not None and quote.speaker_end is not None
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
    return found


def only(text: str) -> QuoteCandidate:
    found = quotes_of(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        'Ana Lima said: "We were paid nothing."',
        "Ana Lima said: “We were paid nothing.”",
        'Ana Lima said: "We were paid nothing.”',  # an opening " closed by ”
        "Ana Lima said: „We were paid nothing.“",
        "Ana Lima said: «We were paid nothing.»",
        "Ana Lima said: ‘We were paid nothing.’",
    ],
)
def test_quotation_marks_of_every_kind(text: str) -> None:
    quote = only(text)
    assert quote.text == "We were paid nothing."
    assert quote.speaker == "Ana Lima"
    assert quote.kind is QuoteKind.DIRECT


def test_the_words_exclude_the_marks_and_the_trailing_comma() -> None:
    quote = only('"We were told it was a driving job," said Lucas Ferreira, 24.')
    assert quote.text == "We were told it was a driving job"
    assert quote.speaker == "Lucas Ferreira"


def test_a_quotation_split_around_its_attribution_has_one_speaker() -> None:
    text = 'Carla Nunes is a lawyer. "We were told," she said, "it was temporary."'
    first, second = quotes_of(text)
    assert (first.text, second.text) == ("We were told", "it was temporary.")
    assert first.speaker == second.speaker == "Carla Nunes"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The contracts were legal," Mendes told Reuters.', "Mendes"),
        ('"The contracts were legal," said Tiago Mendes, a recruiter.', "Tiago Mendes"),
        ('"The contracts were legal," according to the agency.', "the agency"),
        ('In a statement, the ministry said: "The contracts were legal."', "the ministry"),
        ('Mendes told Reuters on Tuesday: "The contracts were legal."', "Mendes"),
        ('"The contracts were legal" — Tiago Mendes said.', "Tiago Mendes"),
        ('"The contracts were legal," the company\'s lawyer, Paulo Arruda, said.', "Paulo Arruda"),
        ('"The contracts were legal," said Interior Minister Daniel Okafor.', "Daniel Okafor"),
        ('"The contracts were legal," said سمير الحلبي, a broker.', "سمير الحلبي"),
        ('"The contracts were legal," Foreign Ministry spokesperson Amrit Rai said.', "Amrit Rai"),
        ('"The contracts were legal," police spokesman Dan Bhatt told the Post.', "Dan Bhatt"),
    ],
)
def test_attributions_before_and_after(text: str, speaker: str) -> None:
    direct = [q for q in quotes_of(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].text.startswith("The contracts were legal")
    assert direct[0].speaker == speaker


def test_a_pronoun_is_resolved_to_the_person_named_before() -> None:
    text = (
        "Lucas Ferreira, 24, answered the advert in January.\n\n"
        '"Nobody mentioned weapons," he said.'
    )
    quote = only(text)
    assert quote.speaker == "Lucas Ferreira"
    assert quote.speaker_start == text.index("Lucas Ferreira")


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Ana Ferreira said her son never wrote. Her husband, Lucas Ferreira, works nights.\n\n"
        '"She cries every day," he said.'
    )
    last = quotes_of(text)[-1]
    assert last.speaker == "Lucas Ferreira"


def test_a_pronoun_after_a_quotation_is_not_someone_named_inside_it() -> None:
    text = (
        "Victor Ceban, 44, was jailed on Friday. Sarah Whitfield, prosecuting, told the court "
        "that the men were paid nothing.\n\n"
        '"These people arrived with nothing, and Victor Ceban made sure they kept nothing," '
        "she said."
    )
    last = quotes_of(text)[-1]
    assert last.speaker == "Sarah Whitfield"


def test_she_is_the_unnamed_relative_who_spoke_last_not_a_man_named_before() -> None:
    text = (
        '"They promised him $2,000," said Samir Haddad, a fisherman whose son left.\n\n'
        "A relative of another recruit, who asked not to be named, said the men were told "
        'they would drive trucks. "They said $2,000 a month," she said.'
    )
    last = quotes_of(text)[-1]
    assert last.speaker == "A relative of another recruit"


def test_a_title_tells_a_pronoun_who_it_can_be() -> None:
    text = (
        "Tomas Ilic, 51, runs the agency. Dana Ceban, 44, was jailed on Friday; Ms Ceban will "
        'appeal.\n\n"The sentence is too long," he said.'
    )
    last = quotes_of(text)[-1]
    assert last.speaker == "Tomas Ilic"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Judge Alison Pryce sentenced him.\n\n"You treated them as stock," the judge said.',
            "Alison Pryce",
        ),
        (
            "Amrit Rai, a ministry spokesperson, met the families.\n\n"
            '"We reply to every one," the spokesperson said.',
            "Amrit Rai",
        ),
        (  # a body is not a person's job
            "Amrit Rai, a ministry spokesperson, met the families.\n\n"
            '"We reply to every one," the ministry said.',
            "the ministry",
        ),
        ('"You treated them as stock," the judge said.', "the judge"),  # nobody named before
    ],
)
def test_a_speaker_named_by_their_job_is_the_person_introduced_with_it(
    text: str, speaker: str
) -> None:
    assert quotes_of(text)[-1].speaker == speaker


def test_a_headline_quotation_is_theirs_who_say_it_in_the_story() -> None:
    text = (
        "‘You treated them as stock’: recruiter jailed\n\n"
        'Judge Alison Pryce said: "You treated them as stock, to be housed and sold."\n\n'
        'Campaigners called it "modern slavery".'
    )
    headline, body, scare = quotes_of(text)
    assert headline.speaker == body.speaker == "Alison Pryce"
    assert text[headline.speaker_start : headline.speaker_end] == "Alison Pryce"
    assert headline.confidence < body.confidence
    assert scare.text == "modern slavery"


def test_a_pull_quote_is_theirs_who_said_it_in_the_body_not_the_paragraph_befores() -> None:
    text = (
        '"They asked us three questions," Kioko said. "Everybody passed. Nobody failed."\n\n'
        "According to a union survey, 62 per cent of nurses want to leave.\n\n"
        '"Everybody passed. Nobody failed."\n'
    )
    found = quotes_of(text)
    body, pull = (q for q in found if q.text.startswith("Everybody"))
    assert body.speaker == pull.speaker == "Kioko"


def test_a_surname_is_resolved_to_the_full_name_mentioned_before() -> None:
    text = 'Tiago Mendes runs the agency. "Every man knew," Mendes said.'
    quote = only(text)
    assert quote.speaker == "Tiago Mendes"


def test_an_unattributed_quotation_continues_the_speaker_before_it() -> None:
    text = '"We were told it was safe," said Ana Lima. "It was not."'
    first, second = quotes_of(text)
    assert second.speaker == first.speaker == "Ana Lima"
    assert second.confidence < first.confidence


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Mendes said that the men were paid on time.", "the men were paid on time", "Mendes"),
        ("Mendes said the men were paid on time.", "the men were paid on time", "Mendes"),
        (
            "The ministry confirmed that 12 permits were suspended.",
            "12 permits were suspended",
            "The ministry",
        ),
        ("Ana Lima told Reuters the men never came back.", "the men never came back", "Ana Lima"),
        ("The men were paid $500, Mendes said.", "The men were paid $500", "Mendes"),
        ("The men were paid $500, said Tiago Mendes.", "The men were paid $500", "Tiago Mendes"),
        (
            "According to the union, 1,100 workers are owed wages.",
            "1,100 workers are owed wages",
            "the union",
        ),
        (
            "1,100 workers are owed wages, according to the union.",
            "1,100 workers are owed wages",
            "the union",
        ),
        (  # the attribution that ends the sentence reports all of it, its own verb too
            "The ministry has confirmed the deaths of 14 Nepalis, Amrit Rai said.",
            "The ministry has confirmed the deaths of 14 Nepalis",
            "Amrit Rai",
        ),
        (
            "Officials concede that the ban is easy to evade.",
            "the ban is easy to evade",
            "Officials",
        ),
    ],
)
def test_reported_speech_is_a_paraphrase(text: str, words: str, speaker: str) -> None:
    quote = only(text)
    assert quote.kind is QuoteKind.PARAPHRASE
    assert quote.text == words
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Families in northern villages say the recruiters lied to them.",
            "Families in northern villages",
        ),
        ("Relatives of the recruits say the men were never paid.", "Relatives of the recruits"),
        ("Officials at the ministry said the contracts were legal.", "Officials at the ministry"),
        ("Dozens of men in the camps say the men were never paid.", "Dozens of men in the camps"),
        ("Prices of rice rose sharply, traders in Birgunj said.", "traders in Birgunj"),
        (
            "Brokers in Mae Sot and Ranong told recruits the men were paid.",
            "Brokers in Mae Sot and Ranong",
        ),
        (
            "The landlord of the building on Ngong Road, who gave his name only as Mr Otieno, said"
            " the agency had rented two rooms.",
            "Mr Otieno",
        ),
        (
            "One of the men, who asked to be named as Umm Ahmad, said the camp was full.",
            "Umm Ahmad",
        ),
        ("Detectives believe the agency collected the money.", "Detectives"),
        ("The man on the phone said the money was gone.", "The man on the phone"),
        (
            "Workers interviewed for this article estimate they are each owed 8,000 dirhams.",
            "Workers interviewed for this article",
        ),
        (
            "Families affected by the closure say the men were never told.",
            "Families affected by the closure",
        ),
        (
            'Mothers from Rolpa district told the Post: "They took our sons."',
            "Mothers from Rolpa district",
        ),
    ],
)
def test_a_group_speaker_keeps_where_it_is_from(text: str, speaker: str) -> None:
    """A group named with its place or its kin is not reduced to the place ("villages")."""
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "According to the indictment, Ceban and his co-defendants opened more\n"
        "than 150 bank accounts in the names of the victims.",
        # a line ending on a closing quotation mark without a full stop goes on
        "Judge Alison Pryce said Ceban had shown “no real remorse”\nand had opened the accounts"
        " in the names of the victims.",
        # the next line starts with a capital, but no heading ends on "the"
        "Mark Ellison said his client had come to the\nRepublic of Moldova to open the accounts"
        " in the names of the victims.",
    ],
)
def test_reported_speech_goes_on_across_a_wrapped_line(text: str) -> None:
    """A short first line of hard-wrapped text is not a heading when its sentence goes on."""
    (reported,) = [q for q in quotes_of(text) if q.kind is QuoteKind.PARAPHRASE]
    assert reported.text.endswith("in the names of the victims")


def test_a_heading_line_still_ends_its_sentence() -> None:
    found = quotes_of("Recruits stranded at the front\nThe ministry said the men were paid.")
    assert [(q.speaker, q.text) for q in found] == [("The ministry", "the men were paid")]


@pytest.mark.parametrize(
    "text",
    [
        "“They cannot even pay us for bread.”\n— Karim Haddad, a driver\n\nThe firm has gone.",
        "“They cannot even pay us for bread.” — Karim Haddad\n\nThe firm has gone.",
        "“They cannot even pay us for bread.”\r\n– Karim Haddad",
        "   “They cannot even pay us for bread.”\n"
        "   — Karim Haddad, 24, deckhand, interviewed in Ranong\n",
    ],
)
def test_a_quotation_signed_after_a_dash_is_the_signers(text: str) -> None:
    assert quotes_of(text)[0].speaker == "Karim Haddad"


def test_a_dash_before_more_words_is_no_signature() -> None:
    text = "“They cannot even pay us.” — Karim Haddad, a driver, left the next day for Kerala."
    assert quotes_of(text)[0].speaker is None


def test_what_a_court_heard_is_reported_speech_of_nobody_named() -> None:
    quote = only("The court heard that the victims had been recruited through online adverts.")
    assert quote.kind is QuoteKind.PARAPHRASE
    assert quote.text == "the victims had been recruited through online adverts"
    assert quote.speaker is None
    assert quote.confidence >= 0.3


def test_a_speaker_with_three_asides_is_still_the_speaker() -> None:
    quote = only("Victor Ceban, 44, of Harehills, Leeds, said the men were paid in full.")
    assert quote.speaker == "Victor Ceban"


def test_a_quotation_inside_reported_speech_leaves_the_sentence_reported_too() -> None:
    text = (
        'The terminal operator said in a statement that "about 40 workers" were affected and '
        "that the rate had been $15, not $18."
    )
    reported, quoted = quotes_of(text)
    assert (reported.kind, quoted.kind) == (QuoteKind.PARAPHRASE, QuoteKind.DIRECT)
    assert reported.text.endswith("the rate had been $15, not $18")
    assert reported.speaker == quoted.speaker == "The terminal operator"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A worker who asked not to be named because he feared dismissal said more than 120"
            " people had lost overtime pay.",
            "A worker",
        ),
        ("A man who gave his name as خالد العلي denied any wrongdoing.", "خالد العلي"),
    ],
)
def test_a_speaker_with_a_relative_clause(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        '"We are trying our best," said Rai, adding that the ministry had contacted Moscow.',
        'Rai said: "We are trying our best," adding that the ministry had contacted Moscow.',
    ],
)
def test_what_a_speaker_adds_after_a_quotation_is_theirs_too(text: str) -> None:
    quoted, added = quotes_of(text)
    assert (quoted.kind, added.kind) == (QuoteKind.DIRECT, QuoteKind.PARAPHRASE)
    assert added.text == "the ministry had contacted Moscow"
    assert quoted.speaker == added.speaker == "Rai"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The 37-year-old said he was forced to sign the contract.", "The 37-year-old"),
        (
            "Home Minister Ramesh Lekhak on Sunday said the men would be brought home.",
            "Ramesh Lekhak",
        ),
    ],
)
def test_a_speaker_by_age_or_with_the_day_they_spoke(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Kioko borrowed from a Sacco to pay his fees and says he is still repaying the loan.",
            "he is still repaying the loan",
            "Kioko",
        ),
        (
            "Rai met the families on Monday and told them the government would help.",
            "the government would help",
            "Rai",
        ),
    ],
)
def test_the_subject_of_a_sentence_says_what_follows_and(
    text: str, words: str, speaker: str
) -> None:
    quote = only(text)
    assert (quote.text, quote.speaker) == (words, speaker)


def test_a_denial_keeps_its_verb() -> None:
    quote = only("Mendes denied that he had misled anyone.")
    assert quote.text == "denied that he had misled anyone"


def test_a_scare_quote_after_reported_speech_is_not_the_speakers() -> None:
    text = 'Brokers told recruits they would be paid monthly. The captain deducted "fines".'
    reported, scare = quotes_of(text)
    assert reported.speaker == "Brokers"
    assert scare.speaker is None and scare.confidence < 0.3


def test_a_short_quotation_without_speaker_is_a_low_confidence_scare_quote() -> None:
    scare = only('Campaigners want the so-called "transit visa" loophole closed.')
    assert scare.speaker is None
    assert scare.confidence < 0.3
    spoken = only('"We were never paid for the last three months," said Ana Lima.')
    assert spoken.confidence > 0.8


def test_interview_answers_belong_to_the_interviewee() -> None:
    text = (
        "Interview with Samuel Okoro, former guard\n\n"
        "Q: What were you promised?\n"
        "A: They said 1,200 dollars a month.\n"
        "Q: Were you paid?\n"
        "A: Never in full.\n"
    )
    found = quotes_of(text)
    assert [q.text for q in found] == ["They said 1,200 dollars a month.", "Never in full."]
    assert {q.speaker for q in found} == {"Samuel Okoro"}


def test_a_broadcast_transcript_quotes_its_sources_not_its_presenters() -> None:
    text = (
        "PRESENTER: Good evening. The labour inspectorate says it has opened an inquiry.\n\n"
        "REPORTER (Anna Kowalczyk): Bishnu Thapa asked us to film only his hands.\n\n"
        "BISHNU THAPA: [speaks Nepali]\n\n"
        "VOICEOVER: I paid an agent in Kathmandu nine thousand euros.\n\n"
        "MARIA SANTOS: Free? [laughs] If you don't take the house, you don't get the work.\n"
    )
    found = [(q.kind, q.speaker, q.text) for q in quotes_of(text)]
    assert found == [
        (QuoteKind.PARAPHRASE, "The labour inspectorate", "it has opened an inquiry"),
        (QuoteKind.DIRECT, "BISHNU THAPA", "I paid an agent in Kathmandu nine thousand euros."),
        (
            QuoteKind.DIRECT,
            "MARIA SANTOS",
            "Free? [laughs] If you don't take the house, you don't get the work.",
        ),
    ]


def test_a_magazine_interview_quotes_the_answers_not_the_interviewers_questions() -> None:
    text = (
        "Interview by Claire Morin\n\n"
        "Lina Haddad, 41, is a labour lawyer in Beirut.\n\n"
        "MORIN: How many women are we talking about?\n\n"
        'HADDAD: About 250,000. If she leaves, she becomes "illegal" the same day.\n'
    )
    found = [(q.speaker, q.text, q.confidence >= PROPOSED) for q in quotes_of(text)]
    assert found == [
        ("Lina Haddad", 'About 250,000. If she leaves, she becomes "illegal" the same day.', True),
        ("Lina Haddad", "illegal", False),  # her word for it, not a statement of hers
    ]


def test_a_name_changed_to_protect_someone_keeps_its_footnote_mark_out() -> None:
    text = "Ahmed*, 27, a construction worker in Doha, said he paid the agent 450,000 taka."
    assert only(text).speaker == "Ahmed"


def test_labelled_transcript_lines_name_their_speakers() -> None:
    text = "FERREIRA: We were promised two thousand dollars.\nMENDES: That is a lie.\n"
    found = quotes_of(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("FERREIRA", "We were promised two thousand dollars."),
        ("MENDES", "That is a lie."),
    ]


def test_field_labels_are_not_speakers() -> None:
    assert quotes_of("Date: 3 March 2026\nPay: $1,500 a month\nNotes: check the contract\n") == []


def test_arabic_names_and_words_survive_intact() -> None:
    text = 'قال سمير الحلبي: "لم نتلق أي أجر" — and Samir al-Halabi said: "We got nothing."'
    found = quotes_of(text)
    assert "لم نتلق أي أجر" in [q.text for q in found]
    english = next(q for q in found if q.text == "We got nothing.")
    assert english.speaker == "Samir al-Halabi"


def test_an_unclosed_quotation_ends_with_its_line() -> None:
    text = 'Ana Lima said: "We were never paid\nThe agency did not reply.'
    quote = quotes_of(text)[0]
    assert quote.text == "We were never paid"
    assert quote.speaker == "Ana Lima"


def test_apostrophes_do_not_open_or_close_quotations() -> None:
    text = "The workers' pay wasn't sent, and Ana's brother didn't call."
    assert [q for q in quotes_of(text) if q.kind is QuoteKind.DIRECT] == []
