package model

import (
	"strings"
	"testing"
	"time"
)

func TestMarkSentKeepsTheExactText(t *testing.T) {
	doc, _ := BuiltInTemplate("thank-you")
	d, err := doc.Fill(fullValues())
	if err != nil {
		t.Fatal(err)
	}
	d.Text += "P.S. Edited by hand."
	at := time.Date(2026, 11, 17, 8, 30, 0, 0, time.UTC)
	m := d.MarkSent(ana.ID, ChannelLetter, at)
	if want := "Subject: Thank you\n\n" + d.Text; m.Text != want {
		t.Errorf("logged text = %q, want %q", m.Text, want)
	}
	if m.Purpose != PurposeThanks || m.TemplateID != "thank-you" || m.Channel != ChannelLetter || !m.At.Equal(at) {
		t.Errorf("sent = %+v", m)
	}
	if msg := m.Validate(); msg != "" {
		t.Errorf("valid message refused: %s", msg)
	}
	phone := Draft{Text: "Hello"}.MarkSent(1, ChannelPhone, at)
	if phone.Text != "Hello" || phone.Purpose != PurposeOther {
		t.Errorf("no-subject draft = %+v", phone)
	}
	for _, bad := range []SentMessage{
		{Channel: ChannelEmail, At: at, Text: "x"},
		{ContactID: 1, Channel: "pigeon", At: at, Text: "x"},
		{ContactID: 1, Channel: ChannelEmail, Text: "x"},
		{ContactID: 1, Channel: ChannelEmail, At: at, Text: " "},
	} {
		if bad.Validate() == "" {
			t.Errorf("accepted %+v", bad)
		}
	}
}

func TestTemplatePurpose(t *testing.T) {
	for id, want := range map[string]Purpose{
		"request-email": PurposeRequest, "request-phone": PurposeRequest, "referral-request": PurposeRequest,
		"reminder": PurposeReminder, "thank-you": PurposeThanks, "update": PurposeUpdate, "u-1": PurposeOther,
	} {
		if got := TemplatePurpose(id); got != want {
			t.Errorf("TemplatePurpose(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestTakeawayChoicesPutTheWrapUpAndStarsFirst(t *testing.T) {
	iv := Interview{
		Notes: []Note{{Text: "plain note"}, {Text: "starred\nnote", Starred: true}},
	}
	iv.WrapUp.Takeaways = "Writing wins arguments.\n\nLearn GIS."
	got := TakeawayChoices(iv)
	want := []string{"Writing wins arguments.", "Learn GIS.", "starred note", "plain note"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("choices = %q, want %q", got, want)
	}
}
