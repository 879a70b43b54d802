"""The bundled sample case: a fictional story that shows every kind of record.

Built from resources/sample/sample_case.json into a fresh, plain case file in the user's data
folder; the packaged original is never edited.
"""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import (
    ClaimDraft,
    ContradictionDraft,
    DocumentDraft,
    MemberRef,
    NoteDraft,
    QuoteDraft,
    SourceDraft,
    TagDraft,
)
from casefile.domain.validation import parse_date
from casefile.services import claims, contradictions, documents, notes, quotes, sources, tags
from casefile.services.case import OpenCase, create_case

SAMPLE_NAME = "Sample case.casefile"


def sample_definition() -> dict[str, Any]:
    text = resources.files("resources.sample").joinpath("sample_case.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _span(document_text: str, fragment: str) -> tuple[int | None, int | None]:
    start = document_text.find(fragment)
    return (None, None) if start < 0 else (start, start + len(fragment))


def build_sample(path: Path, *, actor: str = "Casefile sample") -> OpenCase:
    data = sample_definition()
    case = create_case(
        path, title=data["title"], summary=data["summary"], passphrase=None, actor=actor
    )
    ids: dict[str, RecordId] = {}
    texts: dict[str, str] = {}
    with case.transaction(actor) as s:
        for src in data["sources"]:
            fields = {k: v for k, v in src.items() if k != "key"}
            fields["first_contact_on"] = parse_date("first contact", fields.get("first_contact_on"))
            ids[f"source:{src['key']}"] = sources.add(s, SourceDraft(**fields)).id
        for doc in data["documents"]:
            texts[doc["key"]] = doc["text"]
            ids[f"document:{doc['key']}"] = documents.add(
                s,
                DocumentDraft(
                    title=doc["title"],
                    text=doc["text"],
                    origin=doc.get("origin", ""),
                    published_on=parse_date("published", doc.get("published_on")),
                    language=doc.get("language", ""),
                ),
            ).id
        for q in data["quotes"]:
            start, end = (
                _span(texts[q["document"]], q["text"]) if q.get("document") else (None, None)
            )
            ids[f"quote:{q['key']}"] = quotes.add(
                s,
                QuoteDraft(
                    text=q["text"],
                    source_id=ids.get(f"source:{q.get('source')}"),
                    document_id=ids.get(f"document:{q.get('document')}"),
                    span_start=start,
                    span_end=end,
                    medium=q.get("medium"),
                    said_on=parse_date("said on", q.get("said_on")),
                    status=q.get("status", "unverified"),
                    kind=q.get("kind", "direct"),
                    context=q.get("context", ""),
                ),
            ).id
        for c in data["claims"]:
            start, end = (
                _span(texts[c["document"]], c["raw"]) if c.get("document") else (None, None)
            )
            ids[f"claim:{c['key']}"] = claims.add(
                s,
                ClaimDraft(
                    subject=c["subject"],
                    value=Decimal(c["value"]),
                    unit=c["unit"],
                    period=c["period"],
                    qualifier=c["qualifier"],
                    as_of=parse_date("as of", c.get("as_of")),
                    source_id=ids.get(f"source:{c.get('source')}"),
                    quote_id=ids.get(f"quote:{c.get('quote')}"),
                    document_id=ids.get(f"document:{c.get('document')}"),
                    span_start=start,
                    span_end=end,
                    raw_text=c["raw"],
                ),
            ).id
        for k in data["contradictions"]:
            members = tuple(MemberRef(RecordKind(m.split(":")[0]), ids[m]) for m in k["members"])
            contradictions.add(
                s,
                ContradictionDraft(
                    members=members,
                    kind=k["kind"],
                    status=k["status"],
                    description=k["description"],
                    settle_by=k["settle_by"],
                ),
            )
        for t in data["tags"]:
            tag = tags.add(s, TagDraft(name=t["name"], color=t["color"]))
            for ref in t["on"]:
                tags.tag(s, tag.id, RecordKind(ref.split(":")[0]), ids[ref])
        for n in data["notes"]:
            if n["on"] == "case":
                notes.add(s, NoteDraft(text=n["text"]))
            else:
                notes.add(
                    s,
                    NoteDraft(
                        text=n["text"],
                        target_kind=RecordKind(n["on"].split(":")[0]),
                        target_id=ids[n["on"]],
                    ),
                )
    return case


def ensure_sample(folder: Path) -> Path:
    """The sample case in `folder`, built on first use (the reporter's edits are kept after)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / SAMPLE_NAME
    if not path.exists():
        build_sample(path).close()
    return path
