"""The author is e-mailed every decision with its reason, after the commit, in Polish unless
their account says otherwise."""
import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from practices import moderation
from practices.models import Profile


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a call, then the callbacks its commit would run (mail is sent after a commit);
    the test's own transaction never commits."""
    mail.outbox.clear()

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


DECISIONS = [
    ("publish", "Twoja praktyka została opublikowana", "została sprawdzona i opublikowana"),
    ("request_changes", "Twoja praktyka wymaga poprawek", "Co poprawić:"),
    ("reject", "Twoja praktyka nie została przyjęta", "Powód:"),
]


@pytest.mark.parametrize("decide, subject, sentence", DECISIONS)
def test_each_decision_is_mailed_to_the_author_with_its_reason(submitted, moderator, decide,
                                                               subject, sentence, committed):
    committed(getattr(moderation, decide), submitted, actor=moderator,
              reason="Uzasadnienie decyzji.")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == f"{subject}: Budżet obywatelski 2024"
    assert sentence in message.body and "Uzasadnienie decyzji." in message.body


def test_an_approved_edit_and_a_verification_are_mailed(held_edit, moderator, committed):
    committed(moderation.publish, held_edit, actor=moderator)
    committed(moderation.verify, held_edit.practice, actor=moderator,
              source="Protokół komisji, BIP")

    assert [m.subject.split(":")[0] for m in mail.outbox] == [
        "Twoje zmiany zostały opublikowane",
        "Twoja praktyka została zweryfikowana ze źródłem urzędowym"]
    assert "Protokół komisji, BIP" in mail.outbox[1].body
    assert "/praktyki/" in mail.outbox[1].body


def test_the_author_reads_english_when_their_account_says_so(submitted, moderator, committed):
    Profile.objects.update_or_create(user=submitted.author, defaults={"language": "en"})
    submitted.author.refresh_from_db()

    committed(moderation.reject, submitted, actor=moderator, reason="Not a case.")

    assert mail.outbox[0].subject == "Your case has not been accepted: Budżet obywatelski 2024"
    assert "has not accepted it" in mail.outbox[0].body


def test_a_refused_decision_sends_nothing(submitted, moderator, committed):
    with pytest.raises(ValidationError):
        committed(moderation.reject, submitted, actor=moderator, reason="")

    assert mail.outbox == []


def test_submitting_sends_the_author_nothing(draft, member, committed):
    committed(moderation.submit, draft, actor=member)

    assert mail.outbox == []
