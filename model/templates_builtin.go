package model

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// TemplateDoc is a message template as the user sees and edits it: a
// built-in (possibly edited) or one of their own.
type TemplateDoc struct {
	// ID is stable: a built-in's ID such as "thank-you", or "u-<n>" for
	// the user's own templates.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Subject is the email subject line, itself a template; "" for
	// templates that are not emails, such as a phone script.
	Subject string `json:"subject,omitempty"`
	Body    string `json:"body"`
	// Purpose is the step the message takes. Fixed for built-ins.
	Purpose Purpose `json:"purpose,omitempty"`
	// Channel is how the message is meant to be sent.
	Channel Channel `json:"channel,omitempty"`
	// BuiltIn and Edited are worked out by MergeTemplates, never stored:
	// BuiltIn for Parley's own templates, Edited when the user's version of
	// one differs from Parley's, which is when "reset" has anything to do.
	BuiltIn bool `json:"-"`
	Edited  bool `json:"-"`
}

// UserTemplatePrefix starts the ID of every template the user made, so
// their IDs can never collide with a built-in added in a later version.
const UserTemplatePrefix = "u-"

// UserTemplateID is the ID of the user's n-th template.
func UserTemplateID(n uint64) string { return UserTemplatePrefix + strconv.FormatUint(n, 10) }

// Validate reports the first problem that keeps the template from being
// saved or used. A broken subject or body gives a *ParseError whose Part
// says which, with the line and column of the problem.
func (d TemplateDoc) Validate() error {
	if strings.TrimSpace(d.Name) == "" {
		return errors.New("a template needs a name")
	}
	if strings.TrimSpace(d.Body) == "" {
		return errors.New("a template needs some text")
	}
	if d.Channel != "" && !d.Channel.Valid() {
		return errors.New("choose how the message is sent: email, phone, letter, in person or message")
	}
	_, _, err := d.parse()
	return err
}

func (d TemplateDoc) parse() (subject, body *Template, err error) {
	subject, err = Parse(d.Subject)
	if err != nil {
		err.(*ParseError).Part = "subject"
		return nil, nil, err
	}
	body, err = Parse(d.Body)
	if err != nil {
		err.(*ParseError).Part = "body"
		return nil, nil, err
	}
	return subject, body, nil
}

// Fill fills the subject and body from v. The error, a *ParseError, comes
// only from a broken template; missing values never fail (see Template.Fill).
func (d TemplateDoc) Fill(v Values) (Draft, error) {
	st, bt, err := d.parse()
	if err != nil {
		return Draft{}, err
	}
	subj, body := st.Fill(v), bt.Fill(v)
	out := Draft{TemplateID: d.ID, Purpose: d.Purpose, Channel: d.Channel,
		Subject: strings.Join(strings.Fields(subj.Text), " "), Text: body.Text}
	for _, p := range append(subj.Missing, body.Missing...) {
		if !slices.Contains(out.Missing, p) {
			out.Missing = append(out.Missing, p)
		}
	}
	for _, n := range append(subj.Notes, body.Notes...) {
		if !slices.Contains(out.Notes, n) {
			out.Notes = append(out.Notes, n)
		}
	}
	return out, nil
}

// TemplateThankYou is the ID of the built-in thank-you note, which What's
// next opens for a thank-you due.
const TemplateThankYou = "thank-you"

// builtins are Parley's own templates, in the order of an interview's life.
// Short on purpose: a request people read on a phone gets an answer. Each
// one filled from a complete contact and profile should be sendable as it
// stands: first names, no job titles pasted mid-sentence, and nothing
// copied raw from the notes.
var builtins = []TemplateDoc{
	{
		ID: "request-email", Name: "Ask for a conversation (email)",
		Purpose: PurposeRequest, Channel: ChannelEmail,
		Subject: "Could I ask you about your work in {{contact.field}}?",
		Body: `Dear {{contact.first_name}},

{{#referrer}}
{{referrer.name}} suggested I get in touch with you.
{{/referrer}}
{{^referrer}}
I came across your name through {{contact.found_via}}.
{{/referrer}}

{{my.intro}} I am exploring careers in {{my.exploring}}, and I would like to hear how you came to your work at {{contact.org}}.

I am not looking for a job, only trying to learn from people in the field. Could you spare 15 to 30 minutes, whenever suits you? I am happy to come to you or to talk by phone.

With thanks,
{{my.name}}
{{my.contact}}
`,
	},
	{
		ID: "request-phone", Name: "Ask for a conversation (phone script)",
		Purpose: PurposeRequest, Channel: ChannelPhone,
		Body: `Hello, is this {{contact.first_name}}? My name is {{my.name}}.
{{#referrer}}
{{referrer.name}} gave me your name and thought you might be willing to talk.
{{/referrer}}
{{^referrer}}
I came across your name through {{contact.found_via}}.
{{/referrer}}
{{my.intro}} I am exploring careers in {{my.exploring}}. I am not asking about jobs; I would like to hear how you came to your work.
Could we find 15 to 30 minutes at a time that suits you? I can come to you, or call back.
If now is busy: when would be a better time, or is there someone else you would suggest I ask?
`,
	},
	{
		ID: "reminder", Name: "Reminder when there is no reply",
		Purpose: PurposeReminder, Channel: ChannelEmail,
		Subject: "Following up: a short conversation about {{contact.field}}",
		Body: `Dear {{contact.first_name}},

I wrote a little while ago to ask whether you might have 15 to 30 minutes to tell me about your work. I know how full inboxes get, so I am trying once more.

If a short call at a time that suits you is possible, I would be grateful. If not, the name of someone else I could ask would help just as much.

Best wishes,
{{my.name}}
{{my.contact}}
`,
	},
	{
		ID: TemplateThankYou, Name: "Thank-you note",
		Purpose: PurposeThanks, Channel: ChannelEmail,
		Subject: "Thank you",
		Body: `Dear {{contact.first_name}},

Thank you for talking with me on {{interview.date}}. It was generous of you to share your experience, and I came away with a much clearer picture of {{contact.field}} and of what to do next.

I will let you know how I get on.

With thanks,
{{my.name}}
`,
	},
	{
		ID: "update", Name: "Later update: what I did with your advice",
		Purpose: PurposeUpdate, Channel: ChannelEmail,
		Subject: "An update, with thanks",
		Body: `Dear {{contact.first_name}},

When we spoke on {{interview.date}}, you gave me some advice that I have since acted on, and I wanted to tell you what came of it.

{{?what you did with their advice, and what happened}}

Thank you again for your help.

Best wishes,
{{my.name}}
`,
	},
	{
		ID: "referral-request", Name: "Ask someone you were referred to",
		Purpose: PurposeRequest, Channel: ChannelEmail,
		Subject: "{{#referrer}}{{referrer.name}} suggested I contact you{{/referrer}}{{^referrer}}A short conversation about {{contact.field}}?{{/referrer}}",
		Body: `Dear {{contact.first_name}},

{{#referrer}}
I recently spoke with {{referrer.name}}, who suggested you would be a good person to ask about {{contact.field}}.
{{/referrer}}
{{^referrer}}
Someone I spoke with recently suggested you would be a good person to ask about {{contact.field}}.
{{/referrer}}

{{my.intro}} I am researching careers in {{my.exploring}}, not looking for a job, and would be grateful for 15 to 30 minutes of your time, whenever and wherever suits you.

With thanks,
{{my.name}}
{{my.contact}}
`,
	},
}

// BuiltInTemplates returns Parley's own templates, unedited, in order.
func BuiltInTemplates() []TemplateDoc {
	out := slices.Clone(builtins)
	for i := range out {
		out[i].BuiltIn = true
	}
	return out
}

// BuiltInTemplate returns the unedited built-in with that ID: what "reset
// to built-in" goes back to.
func BuiltInTemplate(id string) (TemplateDoc, bool) {
	for _, d := range builtins {
		if d.ID == id {
			d.BuiltIn = true
			return d, true
		}
	}
	return TemplateDoc{}, false
}

// MergeTemplates is the list the user chooses from: the built-ins in their
// order, each replaced by the user's stored version if there is one, then
// the user's own templates in the order they were made.
//
// Rules: a stored version of a built-in keeps the built-in's ID and
// Purpose and may change its name, subject, body and channel; it is marked
// Edited only if it differs. Resetting a built-in is deleting its stored
// version. A stored template whose ID is not a built-in is the user's own,
// including one left from a built-in a later Parley dropped, so no text the
// user wrote is ever hidden.
func MergeTemplates(stored []TemplateDoc) []TemplateDoc {
	out := BuiltInTemplates()
	var own []TemplateDoc
	for _, s := range stored {
		i := slices.IndexFunc(out, func(b TemplateDoc) bool { return b.ID == s.ID })
		if i < 0 {
			s.BuiltIn, s.Edited = false, false
			if !slices.Contains(Purposes(), s.Purpose) {
				s.Purpose = PurposeOther
			}
			if !s.Channel.Valid() {
				s.Channel = ChannelEmail
			}
			own = append(own, s)
			continue
		}
		orig := out[i]
		m := orig
		if strings.TrimSpace(s.Name) != "" {
			m.Name = s.Name
		}
		m.Subject, m.Body = s.Subject, s.Body
		if s.Channel.Valid() {
			m.Channel = s.Channel
		}
		m.Edited = m.Name != orig.Name || m.Subject != orig.Subject ||
			m.Body != orig.Body || m.Channel != orig.Channel
		out[i] = m
	}
	slices.SortStableFunc(own, func(a, b TemplateDoc) int {
		na, oka := userNumber(a.ID)
		nb, okb := userNumber(b.ID)
		switch {
		case oka && okb:
			return cmp.Compare(na, nb)
		case oka != okb: // numbered ones first
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return append(out, own...)
}

// userNumber is n for an ID "u-<n>".
func userNumber(id string) (uint64, bool) {
	rest, ok := strings.CutPrefix(id, UserTemplatePrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(rest, 10, 64)
	return n, err == nil
}
