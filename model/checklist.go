package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ClosingRitual is the short checklist that ends every interview well.
func ClosingRitual() []Question {
	steps := []string{
		"Ask whom else you should talk to",
		"Ask if you may mention their name to those people",
		"Ask if you may contact them again",
		"Thank them for their time",
	}
	out := make([]Question, len(steps))
	for i, s := range steps {
		out[i] = Question{ID: i + 1, Text: s}
	}
	return out
}

// ClosingDue reports whether the closing ritual should be on screen on its
// own accord: when the warning threshold is reached.
func (iv Interview) ClosingDue(now time.Time) bool {
	return iv.Clock.State() != NotStarted && iv.Budget-iv.Elapsed(now) <= WarnAt
}

// ClosingDone is how many closing steps are ticked.
func (iv Interview) ClosingDone() int {
	n := 0
	for _, q := range iv.Closing {
		if q.Asked {
			n++
		}
	}
	return n
}

// ToggleClosing ticks or unticks closing step i.
func (iv *Interview) ToggleClosing(i int, now time.Time) {
	if i < 0 || i >= len(iv.Closing) {
		return
	}
	q := &iv.Closing[i]
	q.Asked = !q.Asked
	q.AskedAt = 0
	if q.Asked {
		q.AskedAt = iv.Elapsed(now)
	}
}

// ToggleSkipped skips an open question or brings a skipped one back.
func (iv *Interview) ToggleSkipped(i int) {
	if i < 0 || i >= len(iv.Questions) {
		return
	}
	q := &iv.Questions[i]
	if q.Asked {
		return
	}
	q.Skipped = !q.Skipped
}

// ToggleMustAsk marks or unmarks question i as one that must be asked.
func (iv *Interview) ToggleMustAsk(i int) {
	if i >= 0 && i < len(iv.Questions) {
		iv.Questions[i].MustAsk = !iv.Questions[i].MustAsk
	}
}

// Choose makes question i the one to ask next.
func (iv *Interview) Choose(i int) {
	if i >= 0 && i < len(iv.Questions) {
		iv.CurrentID = iv.Questions[i].ID
	}
}

// Move moves question i by delta places and returns where it ended up.
func (iv *Interview) Move(i, delta int) int {
	j := i + delta
	if i < 0 || i >= len(iv.Questions) || j < 0 || j >= len(iv.Questions) {
		return i
	}
	q := iv.Questions[i]
	if delta > 0 {
		copy(iv.Questions[i:j], iv.Questions[i+1:j+1])
	} else {
		copy(iv.Questions[j+1:i+1], iv.Questions[j:i])
	}
	iv.Questions[j] = q
	return j
}

// InsertQuestion adds a question at position i (clamped), for a question
// that comes up during the conversation, and returns its index.
func (iv *Interview) InsertQuestion(i int, text string) int {
	id := iv.AddQuestion(text)
	if id == 0 {
		return -1
	}
	last := len(iv.Questions) - 1
	i = min(max(i, 0), last)
	return iv.Move(last, i-last)
}

// MustAskLeft lists the indexes of must-ask questions not yet asked.
func (iv Interview) MustAskLeft() []int {
	var out []int
	for i, q := range iv.Questions {
		if q.MustAsk && !q.Asked {
			out = append(out, i)
		}
	}
	return out
}

// End stops the clock for good and records the actual length. The thank-you
// note falls due thankYouDays after the day it ended.
func (iv *Interview) End(now time.Time, thankYouDays int) {
	iv.Clock = iv.Clock.End(now)
	iv.WrapUp.Length = iv.Clock.Elapsed(now)
	if iv.WrapUp.ThankYouDue.IsZero() {
		iv.WrapUp.ThankYouDue = DueDate(now, thankYouDays)
	}
}

// EndAfter ends the interview with length as its actual length. A clock
// still running is stopped as if at the moment it read length, so an
// interview whose clock was left running is dated when it really ended.
func (iv *Interview) EndAfter(length time.Duration, now time.Time, thankYouDays int) {
	at := now
	if c := iv.Clock; c.State() == Running && length >= c.Accumulated {
		if t := c.RunningSince.Add(length - c.Accumulated); t.Before(now) {
			at = t
		}
	}
	iv.End(at, thankYouDays)
	iv.CorrectLength(length)
}

// CorrectLength sets an ended interview's actual length, when the clock
// said otherwise (it was stopped late, or started late). The clock keeps
// its own reading.
func (iv *Interview) CorrectLength(length time.Duration) {
	if iv.Clock.State() == Ended && length > 0 {
		iv.WrapUp.Length = length
	}
}

// ParseLength reads an interview's length as typed: "25:30" (m:ss),
// "1:05:00", whole minutes ("25") or a Go duration ("1h5m"). It must be
// more than nothing and at most a day.
func ParseLength(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if parts := strings.Split(s, ":"); len(parts) >= 2 && len(parts) <= 3 {
		for _, p := range parts {
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 {
				return 0, fmt.Errorf("%q is not a length; type m:ss, like 22:30", s)
			}
			d = d*60 + time.Duration(n)
		}
		d *= time.Second
	} else if n, err := strconv.Atoi(s); err == nil {
		d = time.Duration(n) * time.Minute
	} else if d, err = time.ParseDuration(s); err != nil {
		return 0, fmt.Errorf("%q is not a length; type m:ss, like 22:30", s)
	}
	if d <= 0 || d > 24*time.Hour {
		return 0, fmt.Errorf("choose a length between 0:01 and 24:00:00")
	}
	return d, nil
}

// DueDate is the calendar day days after now's local date, at midnight.
func DueDate(now time.Time, days int) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, now.Location())
}

// DefaultThankYouDays is how soon a thank-you note is due after the
// interview.
const DefaultThankYouDays = 7

// WrapUp is what the user records right after the conversation.
type WrapUp struct {
	// Length is the interview's actual length, recorded when it ended.
	Length    time.Duration `json:"length,omitempty"`
	Takeaways string        `json:"takeaways,omitempty"`
	Referrals []Referral    `json:"referrals,omitempty"`
	// ThankYouDue is the day the thank-you note should go out by: a date
	// without a time, read as the calendar day it shows in its own
	// location (CivilDay), never converted to another zone. It is stored
	// as "2026-11-29"; see MarshalJSON.
	ThankYouDue time.Time `json:"thank_you_due,omitzero"`
}

// wrapUpFields is WrapUp without its methods, for its JSON.
type wrapUpFields WrapUp

// MarshalJSON writes the thank-you due day as a date ("2026-11-29"): a
// timestamp at local midnight read in a zone to the west showed the day
// before.
func (w WrapUp) MarshalJSON() ([]byte, error) {
	out := struct {
		wrapUpFields
		ThankYouDue string `json:"thank_you_due,omitempty"`
	}{wrapUpFields: wrapUpFields(w)}
	if !w.ThankYouDue.IsZero() {
		out.ThankYouDue = w.ThankYouDue.Format(time.DateOnly)
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the due day as a date, or as the timestamp older
// notebooks stored, taking the day it names in its own offset.
func (w *WrapUp) UnmarshalJSON(data []byte) error {
	in := struct {
		*wrapUpFields
		ThankYouDue string `json:"thank_you_due,omitempty"`
	}{wrapUpFields: (*wrapUpFields)(w)}
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	w.ThankYouDue = time.Time{}
	if in.ThankYouDue == "" {
		return nil
	}
	if d, err := time.Parse(time.DateOnly, in.ThankYouDue); err == nil {
		w.ThankYouDue = d
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, in.ThankYouDue)
	if err != nil {
		return fmt.Errorf("thank-you due %q is not a date", in.ThankYouDue)
	}
	y, m, d := t.Date()
	w.ThankYouDue = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return nil
}

// CivilDay is local midnight in loc of the calendar day t names in its own
// location: a date without a time keeps its day in every zone.
func CivilDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// ThankYouDueProblem says why due cannot be the thank-you's due day for an
// interview held at held, or "" when it can: a note cannot fall due before
// the conversation it thanks for.
func ThankYouDueProblem(due, held time.Time) string {
	if due.IsZero() || held.IsZero() {
		return ""
	}
	if CivilDay(due, time.UTC).Before(CivilDay(held.In(due.Location()), time.UTC)) {
		return "The thank-you cannot be due before the interview (" + held.In(due.Location()).Format("Mon 2 Jan") + ")."
	}
	return ""
}

// Referral is a person the interviewee suggested the user talk to next.
type Referral struct {
	Name string `json:"name"`
	Note string `json:"note,omitempty"`
	// MayUseName records whether the interviewee allowed the user to
	// mention them when contacting this person.
	MayUseName bool `json:"may_use_name,omitempty"`
	// ContactID is the contact made from this referral, once there is one.
	ContactID uint64 `json:"contact_id,omitempty"`
}

// RoleAndOrganisation reads what a referral does as a role and an
// organisation: "transportation planner at PBOT", "planner, PBOT" and
// "planner @ PBOT" all give the role "planner…" at "PBOT"; anything else is
// a role alone.
func (r Referral) RoleAndOrganisation() (role, org string) {
	note := strings.TrimSpace(r.Note)
	lower := strings.ToLower(note)
	for _, sep := range []string{" at ", " @ ", ", "} {
		if i := strings.LastIndex(lower, sep); i > 0 && i+len(sep) < len(note) {
			return strings.TrimSpace(note[:i]), strings.TrimSpace(note[i+len(sep):])
		}
	}
	return note, ""
}

// Valid reports whether a referral names someone.
func (r Referral) Valid() bool { return strings.TrimSpace(r.Name) != "" }

// PromptKind is what the top line of the live screen asks of the user.
type PromptKind int

// The kinds of prompt, from the most ordinary.
const (
	// PromptNone: nothing is left to ask or tick.
	PromptNone PromptKind = iota
	// PromptQuestion: the next question.
	PromptQuestion
	// PromptMustAsk: time is short and a must-ask question is still open;
	// it takes the place of the next question.
	PromptMustAsk
	// PromptClosing: every question is done; the next closing step.
	PromptClosing
	// PromptWrapUp: over time; wrap up with the next closing step (Index
	// -1 once they are all ticked).
	PromptWrapUp
)

// Prompt is the one thing the live screen's top line shows, and what is
// ticked, starred and written under from there: Index is a question's
// index for the question kinds, a closing step's for the closing kinds.
type Prompt struct {
	Kind  PromptKind
	Index int
}

// Closing reports whether the prompt is a closing step.
func (p Prompt) Closing() bool { return p.Kind == PromptClosing || p.Kind == PromptWrapUp }

// Question is the index of the question the prompt shows, or -1.
func (p Prompt) Question() int {
	if p.Kind == PromptQuestion || p.Kind == PromptMustAsk {
		return p.Index
	}
	return -1
}

// PromptAt is what to ask at now. Notes, stars, ticks and insertions all
// follow it, so they always go with what the user sees at the top.
func (iv Interview) PromptAt(now time.Time) Prompt {
	if iv.Clock.State() == Ended || iv.NotHeld != "" {
		return Prompt{Kind: PromptNone, Index: -1}
	}
	next := iv.ClosingDone()
	if next < len(iv.Closing) {
		// The first closing step not yet ticked.
		for i, q := range iv.Closing {
			if !q.Asked {
				next = i
				break
			}
		}
	}
	urgency := UrgencyOf(iv.Elapsed(now), iv.Budget)
	started := iv.Clock.State() != NotStarted
	if started && urgency == Overtime {
		if next >= len(iv.Closing) {
			next = -1 // every step done: only ending is left
		}
		return Prompt{Kind: PromptWrapUp, Index: next}
	}
	cur := iv.Current()
	if must := iv.MustAskLeft(); started && urgency >= Warning && len(must) > 0 && (cur < 0 || !iv.Questions[cur].MustAsk) {
		return Prompt{Kind: PromptMustAsk, Index: must[0]}
	}
	if cur >= 0 {
		return Prompt{Kind: PromptQuestion, Index: cur}
	}
	if next < len(iv.Closing) {
		return Prompt{Kind: PromptClosing, Index: next}
	}
	return Prompt{Kind: PromptNone, Index: -1}
}

// QuestionIDAt is the ID of the question the top line shows at now, or 0
// when it shows none: what a new paragraph of notes is filed under.
func (iv Interview) QuestionIDAt(now time.Time) int {
	if i := iv.PromptAt(now).Question(); i >= 0 {
		return iv.Questions[i].ID
	}
	return 0
}

// TickPrompt ticks what the top line shows at now, and reports whether
// there was anything to tick.
func (iv *Interview) TickPrompt(now time.Time) bool {
	p := iv.PromptAt(now)
	switch {
	case p.Question() >= 0:
		iv.ToggleAsked(p.Index, now)
	case p.Closing() && p.Index >= 0:
		iv.ToggleClosing(p.Index, now)
	default:
		return false
	}
	return true
}
