package model

import (
	"sort"
	"strings"
	"time"
)

// InteractionKind says what happened in one entry of a contact's timeline.
type InteractionKind string

// The kinds of interaction. A note is the user's own remark on the
// timeline (research, a thought); every other kind is an exchange with the
// person.
const (
	KindRequest   InteractionKind = "request sent"
	KindReply     InteractionKind = "reply"
	KindCall      InteractionKind = "call"
	KindInterview InteractionKind = "interview"
	KindThankYou  InteractionKind = "thank-you"
	KindUpdate    InteractionKind = "update"
	KindNote      InteractionKind = "note"
)

// InteractionKinds lists the kinds in the order a "log…" menu offers them.
func InteractionKinds() []InteractionKind {
	return []InteractionKind{KindRequest, KindReply, KindCall, KindInterview,
		KindThankYou, KindUpdate, KindNote}
}

// Valid reports whether k is one of the known kinds.
func (k InteractionKind) Valid() bool {
	switch k {
	case KindRequest, KindReply, KindCall, KindInterview, KindThankYou, KindUpdate, KindNote:
		return true
	}
	return false
}

// IsExchange reports whether k is contact with the person, as opposed to a
// note to self. Exchanges reset the "waiting" clock; a note does not,
// because writing about someone is not hearing from them.
func (k InteractionKind) IsExchange() bool { return k.Valid() && k != KindNote }

// MovesTo is the pipeline rule: the stage that logging this kind of
// interaction moves a contact to, if any. A reply does not move anyone: it
// may be a yes (then scheduling moves them), a no (then the user sets
// Declined) or a question. A call is ambiguous in the same way. An update
// after the thank-you is what keeping in touch means.
func (k InteractionKind) MovesTo() (Stage, bool) {
	switch k {
	case KindRequest:
		return RequestSent, true
	case KindInterview:
		return Interviewed, true
	case KindThankYou:
		return Thanked, true
	case KindUpdate:
		return KeepingInTouch, true
	}
	return "", false
}

// Interaction is one dated entry on a contact's timeline.
type Interaction struct {
	ID        uint64          `json:"id"`
	ContactID uint64          `json:"contact_id"`
	Kind      InteractionKind `json:"kind"`
	// At is when it happened, which may be earlier than when it was logged.
	At time.Time `json:"at"`
	// Channel is how it happened: email, phone, letter, LinkedIn…
	Channel string `json:"channel,omitempty"`
	// Text is the message sent or received, or the user's summary. Keeping a
	// copy of every message sent is part of the method.
	Text string `json:"text,omitempty"`
}

// Validate reports the first problem that keeps an interaction from being
// logged, in words fit for the user, or "".
func (it Interaction) Validate() string {
	switch {
	case it.ContactID == 0:
		return "An interaction belongs to a contact."
	case !it.Kind.Valid():
		return "Unknown kind of interaction."
	case it.At.IsZero():
		return "An interaction needs a date."
	case it.Kind == KindNote && strings.TrimSpace(it.Text) == "":
		return "A note needs some text."
	}
	return ""
}

// Apply moves the contact as logging it would, never backwards, and
// reports whether the stage changed.
func (it Interaction) Apply(c *Contact) bool {
	to, ok := it.Kind.MovesTo()
	return ok && c.Advance(to)
}

// SortTimeline orders interactions oldest first, by ID among equal times so
// the order is stable across loads.
func SortTimeline(its []Interaction) {
	sort.Slice(its, func(i, j int) bool {
		if !its[i].At.Equal(its[j].At) {
			return its[i].At.Before(its[j].At)
		}
		return its[i].ID < its[j].ID
	})
}

// LastExchange is the latest exchange (any kind but a note) among its for
// the contact, which starts the "waiting" clock. ok is false if there is
// none.
func LastExchange(its []Interaction, contactID uint64) (last Interaction, ok bool) {
	for _, it := range its {
		if it.ContactID != contactID || !it.Kind.IsExchange() {
			continue
		}
		if !ok || later(it, last) {
			last, ok = it, true
		}
	}
	return last, ok
}

// later reports whether a is the later exchange of the two: the one that
// happened after, by ID for equal times (the one logged last wins a tie).
// An answer logged after the request it answers is later whatever time it
// was given: a reply logged in the same minute (its time cut to the
// minute) or dated earlier in the day still means they answered.
func later(a, b Interaction) bool {
	switch {
	case answers(a, b):
		return true
	case answers(b, a):
		return false
	}
	if !a.At.Equal(b.At) {
		return a.At.After(b.At)
	}
	return a.ID > b.ID
}

// answers reports whether a is an answer (a reply or a call) logged after
// request b and dated at most a day before it: an old reply logged late
// answers nothing sent since.
func answers(a, b Interaction) bool {
	return (a.Kind == KindReply || a.Kind == KindCall) && b.Kind == KindRequest &&
		a.ID != 0 && b.ID != 0 && a.ID > b.ID && !a.At.Before(b.At.Add(-24*time.Hour))
}
