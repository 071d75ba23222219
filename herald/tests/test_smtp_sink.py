"""The SMTP sink the email tests send through: mail arrives whole, and each fault it can stage
reaches Django's SMTP backend as the error a real relay would cause."""

import smtplib

import pytest
from django.core.mail import EmailMultiAlternatives, mailers


def digest(to="reader@example.com"):
    message = EmailMultiAlternatives(
        subject="Morning digest — 3 stories",
        body="Three stories today.\n",
        from_email="Herald <news@herald.test>",
        to=[to],
        headers={"List-Unsubscribe": "<https://herald.test/u/abc>"},
    )
    message.attach_alternative("<p>Three stories today.</p>", "text/html")
    return message


def test_it_receives_a_multipart_message_sent_through_django(smtp_sink):
    digest().send()

    [received] = smtp_sink.wait_for(1)
    assert received["Subject"] == "Morning digest — 3 stories"
    assert received["From"] == "Herald <news@herald.test>"
    assert received["To"] == "reader@example.com"
    assert received["List-Unsubscribe"] == "<https://herald.test/u/abc>"
    assert received.get_content_type() == "multipart/alternative"
    assert received.get_body(("plain",)).get_content() == "Three stories today.\n"
    assert received.get_body(("html",)).get_content() == "<p>Three stories today.</p>\n"
    assert smtp_sink.envelopes == [("news@herald.test", ["reader@example.com"])]


@pytest.mark.parametrize("code", [550, 450])
def test_a_refused_recipient_raises_with_the_code(smtp_sink, code):
    smtp_sink.refuse("Gone@Example.com", code=code)

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        digest(to="gone@example.com").send()

    assert refused.value.recipients["gone@example.com"][0] == code
    assert smtp_sink.messages == []


def test_drop_after_closes_the_connection_mid_mailing(smtp_sink):
    smtp_sink.drop_after(1)
    connection = mailers.default
    connection.open()
    try:
        assert connection.send_messages([digest("a@example.com")]) == 1
        with pytest.raises(smtplib.SMTPServerDisconnected):
            connection.send_messages([digest("b@example.com")])
    finally:
        connection.close()

    # The drop fires once: the next mailing goes through.
    digest("c@example.com").send()
    assert [m["To"] for m in smtp_sink.wait_for(2)] == ["a@example.com", "c@example.com"]


def test_a_stopped_relay_refuses_connections_and_comes_back_on_the_same_port(smtp_sink):
    port = smtp_sink.port
    smtp_sink.stop()
    with pytest.raises(ConnectionRefusedError):
        digest().send()

    smtp_sink.start()
    digest().send()
    assert smtp_sink.port == port
    assert len(smtp_sink.wait_for(1)) == 1


def test_fail_data_answers_451_then_accepts_again(smtp_sink):
    smtp_sink.fail_data()

    with pytest.raises(smtplib.SMTPDataError) as failed:
        digest().send()
    assert failed.value.smtp_code == 451

    digest().send()
    assert len(smtp_sink.wait_for(1)) == 1


def test_wait_for_says_how_many_arrived_when_it_times_out(smtp_sink):
    with pytest.raises(AssertionError, match=r"expected 1 message.*got 0"):
        smtp_sink.wait_for(1, timeout=0.1)
