// Package exchange is how a notebook leaves Parley and comes back: the
// JSON document `parley export` writes (streamed record by record), its
// validation on import, and the plan that merges an import into a
// notebook. It is pure: records come from and go to the store through the
// caller.
package exchange

import (
	"fmt"
	"strings"
	"time"

	"parley/model"
	"parley/questions"
)

// Format names the JSON document; Version is the version of its layout
// this Parley writes and reads. A document of a later version is refused
// rather than half understood.
const (
	Format  = "parley-notebook"
	Version = 2
)

// Duration is a length of time written the way people write it: "20m",
// "1h30m", "45.5s". It reads back to exactly the same value.
type Duration time.Duration

// MarshalText writes d as Go's duration string without zero tails
// ("20m", not "20m0s").
func (d Duration) MarshalText() ([]byte, error) {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return []byte(s), nil
}

// UnmarshalText reads a duration string such as "20m" or "1h2m3.5s".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("%q is not a length of time (like \"20m\" or \"1h30m\")", b)
	}
	if v < 0 {
		return fmt.Errorf("%q is a negative length of time", b)
	}
	*d = Duration(v)
	return nil
}

// Date is a day without a time, written YYYY-MM-DD. It reads back as
// midnight in the machine's time zone, which is how Parley makes due
// dates (model.DueDate).
type Date time.Time

// MarshalText writes the date as it was set, in its own time zone.
func (d Date) MarshalText() ([]byte, error) {
	return []byte(time.Time(d).Format(time.DateOnly)), nil
}

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.ParseInLocation(time.DateOnly, string(b), time.Local)
	if err != nil {
		return fmt.Errorf("%q is not a date (like 2026-03-31)", b)
	}
	*d = Date(t)
	return nil
}

// Settings is the document's settings part: who the user is, the
// follow-up rules, the templates they wrote or edited and their question
// bank.
type Settings struct {
	Profile       model.Profile       `json:"profile"`
	FollowUpRules model.Settings      `json:"follow_up_rules"`
	Templates     []Template          `json:"templates"`
	QuestionBank  questions.UserState `json:"question_bank"`
}

// Template is a stored message template: the user's own ("u-<n>") or a
// built-in they edited (its ID).
type Template struct {
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Subject string        `json:"subject,omitempty"`
	Body    string        `json:"body"`
	Channel model.Channel `json:"channel,omitempty"`
	Purpose model.Purpose `json:"purpose,omitempty"`
}

// Interview is an interview with its checklist and notes, lengths written
// as durations.
type Interview struct {
	ID        uint64     `json:"id"`
	ContactID uint64     `json:"contact_id"`
	Created   time.Time  `json:"created"`
	Rev       uint64     `json:"rev"`
	Budget    Duration   `json:"budget"`
	Scheduled *Schedule  `json:"scheduled,omitempty"`
	Clock     Clock      `json:"clock"`
	CurrentID int        `json:"current_question,omitempty"`
	Questions []Question `json:"questions,omitempty"`
	Closing   []Question `json:"closing,omitempty"`
	Notes     []Note     `json:"notes,omitempty"`
	WrapUp    *WrapUp    `json:"wrap_up,omitempty"`
}

// Schedule is when and how an interview is planned.
type Schedule struct {
	At     time.Time  `json:"at"`
	Mode   model.Mode `json:"mode"`
	Place  string     `json:"place,omitempty"`
	Length Duration   `json:"length,omitempty"`
}

// Clock is an interview's clock: time run before the last pause, and when
// it started, ran and ended.
type Clock struct {
	Accumulated  Duration  `json:"accumulated"`
	RunningSince time.Time `json:"running_since,omitzero"`
	StartedAt    time.Time `json:"started_at,omitzero"`
	EndedAt      time.Time `json:"ended_at,omitzero"`
}

// Question is one question of a checklist or of the closing ritual.
type Question struct {
	ID      int      `json:"id"`
	Text    string   `json:"text"`
	BankID  string   `json:"bank_id,omitempty"`
	MustAsk bool     `json:"must_ask,omitempty"`
	Asked   bool     `json:"asked,omitempty"`
	AskedAt Duration `json:"asked_at,omitempty"`
	Skipped bool     `json:"skipped,omitempty"`
	Starred bool     `json:"starred,omitempty"`
}

// Note is one paragraph of notes, at its time into the interview.
type Note struct {
	At         Duration `json:"at"`
	QuestionID int      `json:"question_id,omitempty"`
	Text       string   `json:"text"`
	Starred    bool     `json:"starred,omitempty"`
}

// WrapUp is what the user recorded after the interview.
type WrapUp struct {
	Length      Duration         `json:"length,omitempty"`
	Takeaways   string           `json:"takeaways,omitempty"`
	Referrals   []model.Referral `json:"referrals,omitempty"`
	ThankYouDue *Date            `json:"thank_you_due,omitempty"`
}

func templateOf(d model.TemplateDoc) Template {
	return Template{ID: d.ID, Name: d.Name, Subject: d.Subject, Body: d.Body, Channel: d.Channel, Purpose: d.Purpose}
}

func (t Template) doc() model.TemplateDoc {
	return model.TemplateDoc{ID: t.ID, Name: t.Name, Subject: t.Subject, Body: t.Body, Channel: t.Channel, Purpose: t.Purpose}
}

// interviewOf is iv as the document writes it.
func interviewOf(iv model.Interview) Interview {
	out := Interview{
		ID: iv.ID, ContactID: iv.ContactID, Created: iv.Created, Rev: iv.Rev,
		Budget: Duration(iv.Budget), CurrentID: iv.CurrentID,
		Clock: Clock{Accumulated: Duration(iv.Clock.Accumulated), RunningSince: iv.Clock.RunningSince,
			StartedAt: iv.Clock.StartedAt, EndedAt: iv.Clock.EndedAt},
		Questions: questionsOf(iv.Questions),
		Closing:   questionsOf(iv.Closing),
	}
	if s := iv.Scheduled; s != nil {
		out.Scheduled = &Schedule{At: s.At, Mode: s.Mode, Place: s.Place, Length: Duration(s.Length)}
	}
	for _, n := range iv.Notes {
		out.Notes = append(out.Notes, Note{At: Duration(n.At), QuestionID: n.QuestionID, Text: n.Text, Starred: n.Starred})
	}
	w := iv.WrapUp
	if w.Length != 0 || w.Takeaways != "" || len(w.Referrals) > 0 || !w.ThankYouDue.IsZero() {
		out.WrapUp = &WrapUp{Length: Duration(w.Length), Takeaways: w.Takeaways, Referrals: w.Referrals}
		if !w.ThankYouDue.IsZero() {
			d := Date(w.ThankYouDue)
			out.WrapUp.ThankYouDue = &d
		}
	}
	return out
}

func questionsOf(qs []model.Question) []Question {
	var out []Question
	for _, q := range qs {
		out = append(out, Question{ID: q.ID, Text: q.Text, BankID: q.BankID, MustAsk: q.MustAsk, Asked: q.Asked,
			AskedAt: Duration(q.AskedAt), Skipped: q.Skipped, Starred: q.Starred})
	}
	return out
}

// model is the interview the document describes.
func (iv Interview) model() model.Interview {
	out := model.Interview{
		ID: iv.ID, ContactID: iv.ContactID, Created: iv.Created, Rev: iv.Rev,
		Budget: time.Duration(iv.Budget), CurrentID: iv.CurrentID,
		Clock: model.Clock{Accumulated: time.Duration(iv.Clock.Accumulated), RunningSince: iv.Clock.RunningSince,
			StartedAt: iv.Clock.StartedAt, EndedAt: iv.Clock.EndedAt},
		Questions: modelQuestions(iv.Questions),
		Closing:   modelQuestions(iv.Closing),
		Notes:     []model.Note{},
	}
	if s := iv.Scheduled; s != nil {
		out.Scheduled = &model.Schedule{At: s.At, Mode: s.Mode, Place: s.Place, Length: time.Duration(s.Length)}
	}
	for _, n := range iv.Notes {
		out.Notes = append(out.Notes, model.Note{At: time.Duration(n.At), QuestionID: n.QuestionID, Text: n.Text, Starred: n.Starred})
	}
	if w := iv.WrapUp; w != nil {
		out.WrapUp = model.WrapUp{Length: time.Duration(w.Length), Takeaways: w.Takeaways, Referrals: w.Referrals}
		if w.ThankYouDue != nil {
			out.WrapUp.ThankYouDue = time.Time(*w.ThankYouDue)
		}
	}
	return out
}

func modelQuestions(qs []Question) []model.Question {
	out := []model.Question{}
	for _, q := range qs {
		out = append(out, model.Question{ID: q.ID, Text: q.Text, BankID: q.BankID, MustAsk: q.MustAsk, Asked: q.Asked,
			AskedAt: time.Duration(q.AskedAt), Skipped: q.Skipped, Starred: q.Starred})
	}
	return out
}
