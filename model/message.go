package model

import (
	"strings"
	"time"
)

// Channel is the way a message went out. Parley does not send anything
// itself; the channel records how the user sent it.
type Channel string

// The channels a sent message can be logged with.
const (
	ChannelEmail    Channel = "email"
	ChannelPhone    Channel = "phone"
	ChannelLetter   Channel = "letter"
	ChannelInPerson Channel = "in person"
	ChannelMessage  Channel = "message"
)

// Channels lists every channel in the order a picker should offer them.
func Channels() []Channel {
	return []Channel{ChannelEmail, ChannelPhone, ChannelLetter, ChannelInPerson, ChannelMessage}
}

// Valid reports whether c is one of Channels.
func (c Channel) Valid() bool {
	for _, k := range Channels() {
		if c == k {
			return true
		}
	}
	return false
}

// Purpose is the step in the life of an interview that a message takes, so
// logging it can record the right kind of event and move the contact on.
type Purpose string

// The purposes of messages. PurposeOther is for the user's own templates
// that say nothing about their purpose.
const (
	PurposeRequest  Purpose = "request"
	PurposeReminder Purpose = "reminder"
	PurposeThanks   Purpose = "thank-you"
	PurposeUpdate   Purpose = "update"
	PurposeOther    Purpose = "other"
)

// Purposes lists every purpose in the order a picker should offer them.
func Purposes() []Purpose {
	return []Purpose{PurposeRequest, PurposeReminder, PurposeThanks, PurposeUpdate, PurposeOther}
}

// TemplatePurpose is the purpose of the built-in template with that ID,
// or PurposeOther for any other ID. A user's own template carries its
// purpose in TemplateDoc.Purpose instead.
func TemplatePurpose(id string) Purpose {
	if d, ok := BuiltInTemplate(id); ok {
		return d.Purpose
	}
	return PurposeOther
}

// LogText is the exact text to keep on the contact's timeline: the subject
// line, if there is one, then the message as the user last edited it.
func (d Draft) LogText() string {
	if s := strings.TrimSpace(d.Subject); s != "" {
		return "Subject: " + s + "\n\n" + d.Text
	}
	return d.Text
}

// SentMessage is what the timeline needs to record that a message was sent:
// the screens turn it into the contact's interaction. It is a plain value
// so the record is decided here and stored by the store in one step.
type SentMessage struct {
	ContactID  uint64
	TemplateID string
	Purpose    Purpose
	Channel    Channel
	At         time.Time
	// Text is exactly what was sent, from Draft.LogText.
	Text string
}

// MarkSent records that the user sent the draft to a contact at a moment,
// by a channel.
func (d Draft) MarkSent(contactID uint64, ch Channel, at time.Time) SentMessage {
	p := d.Purpose
	if p == "" {
		p = PurposeOther
	}
	return SentMessage{ContactID: contactID, TemplateID: d.TemplateID, Purpose: p,
		Channel: ch, At: at, Text: d.LogText()}
}

// Validate reports the first problem that keeps a sent message from being
// logged, in words fit to show the user, or "" when there is none.
func (m SentMessage) Validate() string {
	switch {
	case m.ContactID == 0:
		return "A sent message needs the contact it went to."
	case !m.Channel.Valid():
		return "Choose how the message was sent: email, phone, letter, in person or message."
	case m.At.IsZero():
		return "A sent message needs the date it was sent."
	case strings.TrimSpace(m.Text) == "":
		return "There is no text to log."
	}
	return ""
}
