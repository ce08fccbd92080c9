package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Values is everything a template can draw on for one message.
type Values struct {
	// Profile is the user.
	Profile Profile
	// Contact is the person the message is for.
	Contact Contact
	// Referrer is the contact who gave the user this name, or nil when
	// there is none or they are no longer in the notebook. It must be the
	// contact whose ID is Contact.ReferredBy, or it is not used.
	Referrer *Contact
	// InterviewDate is the day of the interview; zero before there is one.
	InterviewDate time.Time
	// Takeaway is the point from the notes that the user chose to mention.
	Takeaway string
}

// MayNameReferrer reports whether a message may name the person who
// referred the contact: the contact records a referrer, that referrer is
// the one given, and they allowed their name to be used with the people
// they referred. This is the condition for {{#referrer}}.
func (v Values) MayNameReferrer() bool {
	r := v.Referrer
	return r != nil && v.Contact.ReferredBy != 0 && r.ID == v.Contact.ReferredBy &&
		r.MayMentionName && strings.TrimSpace(r.Name) != ""
}

// referralNote explains why a recorded referral was left out of a message,
// or is "" when there is nothing to explain.
func (v Values) referralNote() string {
	who := strings.TrimSpace(v.Contact.Name)
	if who == "" {
		who = "this contact"
	}
	switch {
	case v.Contact.ReferredBy == 0 || v.MayNameReferrer():
		return ""
	case v.Referrer == nil || v.Referrer.ID != v.Contact.ReferredBy:
		return fmt.Sprintf("The person who referred %s is no longer in your notebook, so the message does not name them.", who)
	default:
		return fmt.Sprintf("%s has not said you may use their name, so the message does not mention them. If they agree, record it on their contact.", strings.TrimSpace(v.Referrer.Name))
	}
}

// InterviewDay is the date an interview's messages refer to: the day its
// clock was first started. It is zero for an interview not yet held, which
// leaves {{interview.date}} visibly unfilled rather than guessed.
func InterviewDay(iv Interview) time.Time { return iv.Clock.StartedAt }

// TakeawayChoices are what a thank-you or update can mention, each on one
// line: the wrap-up's takeaways, then starred paragraphs, then the rest of
// the notes.
func TakeawayChoices(iv Interview) []string {
	var out []string
	add := func(text string) {
		if s := strings.Join(strings.Fields(text), " "); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	// What the user wrote down as takeaways first, a line each, then the
	// paragraphs they starred, then the rest of the notes.
	for _, l := range strings.Split(iv.WrapUp.Takeaways, "\n") {
		add(l)
	}
	for _, n := range iv.Notes {
		if n.Starred {
			add(n.Text)
		}
	}
	for _, n := range iv.Notes {
		add(n.Text)
	}
	return out
}

// Draft is a filled message, ready for the user to read, edit and copy.
type Draft struct {
	// TemplateID and Purpose say which template made the draft, so sending
	// it can be logged as the right kind of step; they are empty for a
	// draft filled from a bare Template.
	TemplateID string
	Purpose    Purpose
	// Channel is the way the template is meant to be sent; the user may
	// send it another way.
	Channel Channel
	// Subject is the email subject, or "" for messages without one.
	Subject string
	// Text is the message. Screens that let the user edit the draft store
	// the edited text here, so LogText records what was actually sent.
	Text string
	// Missing lists the placeholders and prompts that could not be filled,
	// each once, in order of first appearance. Each shows in Subject or
	// Text as its Marker.
	Missing []Placeholder
	// Notes explain choices the filling made that the user may not expect,
	// such as a referrer left unnamed because they did not allow it.
	Notes []string
}

// StillMissing lists the entries of Missing whose markers are still in the
// subject or text, so that after the user edits a draft the screens can
// warn about any gap left before it is copied or logged.
func (d Draft) StillMissing() []Placeholder {
	var out []Placeholder
	for _, p := range d.Missing {
		m := p.Marker()
		if strings.Contains(d.Subject, m) || strings.Contains(d.Text, m) {
			out = append(out, p)
		}
	}
	return out
}

// Fill fills the template from v. It never fails: a value that is missing
// shows as its Marker and is listed in Missing, so nothing is silently
// dropped and no {{…}} reaches the message.
func (t *Template) Fill(v Values) Draft {
	f := filler{v: v, allowed: v.MayNameReferrer(), seen: map[Placeholder]bool{}}
	var b strings.Builder
	f.render(&b, t.nodes)
	d := Draft{Text: b.String(), Missing: f.missing}
	if t.referral {
		if note := v.referralNote(); note != "" {
			d.Notes = append(d.Notes, note)
		}
	}
	return d
}

type filler struct {
	v       Values
	allowed bool
	missing []Placeholder
	seen    map[Placeholder]bool
}

func (f *filler) render(b *strings.Builder, ns []node) {
	for _, n := range ns {
		switch n.kind {
		case textNode:
			b.WriteString(n.text)
		case blockNode:
			if n.inverted != f.allowed {
				f.render(b, n.children)
			}
		case fieldNode:
			b.WriteString(f.value(n.key))
		}
	}
}

func (f *filler) value(p Placeholder) string {
	if d, ok := lookup(p); ok {
		if s := strings.TrimSpace(d.value(f.v)); s != "" {
			return s
		}
	}
	if !f.seen[p] {
		f.seen[p] = true
		f.missing = append(f.missing, p)
	}
	return p.Marker()
}
