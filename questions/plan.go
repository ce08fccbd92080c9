package questions

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"parley/model"
)

// Plan is the ordered list of questions prepared for one interview, most
// important first, because the time rarely allows all of them. A plan with
// a Name is a saved set that can start later interviews.
//
// Its methods have value semantics: they return a new Plan and never
// change the receiver's items.
type Plan struct {
	Name  string `json:"name,omitempty"`
	Items []Item `json:"items"`
}

// Item is one question in a plan. It keeps its own copy of the text, so a
// saved set still reads right after the bank question is edited or hidden
// (Sync refreshes it on purpose).
type Item struct {
	// BankID is the bank question this came from; empty for a one-off
	// written for this person only.
	BankID  string `json:"bank_id,omitempty"`
	Text    string `json:"text"`
	MustAsk bool   `json:"must_ask,omitempty"`
}

// ErrInPlan is returned when a bank question is added to a plan twice.
var ErrInPlan = errors.New("that question is already in the plan")

func (p Plan) clone() Plan {
	p.Items = append([]Item(nil), p.Items...)
	return p
}

// Has reports whether the bank question with this ID is in the plan, so the
// bank screen can mark it.
func (p Plan) Has(bankID string) bool {
	return bankID != "" && p.index(bankID) >= 0
}

func (p Plan) index(bankID string) int {
	for i, it := range p.Items {
		if it.BankID == bankID {
			return i
		}
	}
	return -1
}

// Add appends a bank question at the end of the plan. A question already in
// the plan is refused with ErrInPlan rather than asked twice.
func (p Plan) Add(q Question) (Plan, error) {
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return p, ErrEmptyText
	}
	if p.Has(q.ID) {
		return p, ErrInPlan
	}
	c := p.clone()
	c.Items = append(c.Items, Item{BankID: q.ID, Text: text})
	return c, nil
}

// AddOneOff appends a question written for this person only; it is not put
// in the bank. Run Check on the text first to show hints.
func (p Plan) AddOneOff(text string) (Plan, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return p, ErrEmptyText
	}
	c := p.clone()
	c.Items = append(c.Items, Item{Text: text})
	return c, nil
}

// EditText rewrites item i for this plan only, leaving the bank alone.
func (p Plan) EditText(i int, text string) (Plan, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return p, ErrEmptyText
	}
	if i < 0 || i >= len(p.Items) {
		return p, fmt.Errorf("edit item %d: no such item in the plan", i+1)
	}
	c := p.clone()
	c.Items[i].Text = text
	return c, nil
}

// Remove drops item i; an index out of range changes nothing, so a stale
// cursor cannot crash the screen.
func (p Plan) Remove(i int) Plan {
	if i < 0 || i >= len(p.Items) {
		return p
	}
	c := p.clone()
	c.Items = append(c.Items[:i], c.Items[i+1:]...)
	return c
}

// Move shifts item i by delta places (negative is up, towards "ask first"),
// stopping at either end, and returns the plan and the item's new index so
// the cursor can follow it. An index out of range changes nothing.
func (p Plan) Move(i, delta int) (Plan, int) {
	if i < 0 || i >= len(p.Items) {
		return p, i
	}
	j := min(max(i+delta, 0), len(p.Items)-1)
	if j == i {
		return p, i
	}
	c := p.clone()
	it := c.Items[i]
	if j < i {
		copy(c.Items[j+1:i+1], c.Items[j:i])
	} else {
		copy(c.Items[i:j], c.Items[i+1:j+1])
	}
	c.Items[j] = it
	return c, j
}

// BankOnly is the plan without its one-off questions: what a saved set
// keeps, since a one-off was written for one person.
func (p Plan) BankOnly() Plan {
	c := p
	c.Items = nil
	for _, it := range p.Items {
		if it.BankID != "" {
			c.Items = append(c.Items, it)
		}
	}
	return c
}

// ToggleMustAsk marks or unmarks item i as one that must be asked whatever
// the clock says.
func (p Plan) ToggleMustAsk(i int) Plan {
	if i < 0 || i >= len(p.Items) {
		return p
	}
	c := p.clone()
	c.Items[i].MustAsk = !c.Items[i].MustAsk
	return c
}

// Sync refreshes the text of items that come from the bank to the bank's
// current wording, so a saved set follows the user's later edits. Items
// whose question is no longer in bank (hidden or deleted) keep their text:
// the user chose them for this set.
func (p Plan) Sync(bank []Question) Plan {
	c := p.clone()
	for i, it := range c.Items {
		if it.BankID == "" {
			continue
		}
		if q, ok := Lookup(bank, it.BankID); ok {
			c.Items[i].Text = q.Text
		}
	}
	return c
}

// Texts is the plan's questions as plain text, in order.
func (p Plan) Texts() []string {
	out := make([]string, len(p.Items))
	for i, it := range p.Items {
		out[i] = it.Text
	}
	return out
}

// Questions turns the plan into an interview checklist, keeping BankID and
// MustAsk, with IDs from 1 as model.NewInterview assigns them. Assign it to
// model.Interview.Questions of a new interview.
func (p Plan) Questions() []model.Question {
	out := make([]model.Question, len(p.Items))
	for i, it := range p.Items {
		out[i] = model.Question{ID: i + 1, Text: it.Text, BankID: it.BankID, MustAsk: it.MustAsk}
	}
	return out
}

// FromQuestions makes a plan from an interview's checklist, so a list the
// user refined during one interview can be saved as a named set. Progress
// (asked, skipped, stars) is left behind.
func FromQuestions(name string, qs []model.Question) Plan {
	p := Plan{Name: strings.TrimSpace(name)}
	for _, q := range qs {
		p.Items = append(p.Items, Item{BankID: q.BankID, Text: q.Text, MustAsk: q.MustAsk})
	}
	return p
}

// The fit rule: the first OpeningClosing of any interview goes to thanks,
// introductions and the closing ritual, and each question then takes about
// PerQuestion, answer and follow-up included. The numbers are deliberately
// round: the plan is a guide, and the domain says to prepare more than fits.
const (
	OpeningClosing = 2 * time.Minute
	PerQuestion    = 150 * time.Second
)

// Fit is how many questions fit in budget by the rule above, rounded down
// but never below 1: 20 minutes gives 7, 15 gives 5, 30 gives 11. A budget
// of zero or less means "not set" and counts as model.DefaultBudget.
func Fit(budget time.Duration) int {
	if budget <= 0 {
		budget = model.DefaultBudget
	}
	return max(int((budget-OpeningClosing)/PerQuestion), 1)
}

// Balanced picks a starting plan from bank sized to budget: Fit(budget)
// questions taken round-robin across the content themes in conversation
// order (path, work, education, skills, trends, advice), within a theme
// the first question in bank order whose kind differs from the previous
// pick, so practical and reflective alternate. It picks Extra more than
// fit, since a good plan holds more than there will be time for. Closing
// questions are left out: the live screen has the closing ritual as a
// checklist of its own, and asking them twice would be awkward. Hidden
// questions are never picked.
func Balanced(bank []Question, budget time.Duration) Plan {
	byTheme := map[Theme][]Question{}
	for _, q := range bank {
		if !q.Hidden && q.Theme != ThemeClosing {
			byTheme[q.Theme] = append(byTheme[q.Theme], q)
		}
	}
	var p Plan
	want := Reflective // open with the story of how they got here
	for n := Fit(budget) + Extra; len(p.Items) < n; {
		picked := false
		for _, t := range Themes() {
			if len(p.Items) == n {
				break
			}
			q, ok := takeKind(byTheme, t, want)
			if !ok {
				continue
			}
			p.Items = append(p.Items, Item{BankID: q.ID, Text: q.Text})
			picked = true
			want = Practical
			if q.Kind == Practical {
				want = Reflective
			}
		}
		if !picked {
			break // the bank ran out
		}
	}
	return p
}

// Extra is how many questions a balanced pick holds beyond those that fit,
// for when the conversation runs faster than planned.
const Extra = 2

// takeKind removes and returns the first question of theme t with kind
// want, or failing that the first of any kind.
func takeKind(byTheme map[Theme][]Question, t Theme, want Kind) (Question, bool) {
	qs := byTheme[t]
	if len(qs) == 0 {
		return Question{}, false
	}
	i := 0
	for j, q := range qs {
		if q.Kind == want {
			i = j
			break
		}
	}
	q := qs[i]
	byTheme[t] = append(qs[:i:i], qs[i+1:]...)
	return q, true
}

// StartingPlan is the plan a new interview begins with: a copy of the
// user's default set (UserState.Default) with its texts synced to the bank,
// kept whole because preparing more than fits is the advice; or, when there
// is no default set or it is empty, Balanced(bank, budget). The result has
// no name, so editing it never changes the saved set.
func StartingPlan(defaultSet *Plan, bank []Question, budget time.Duration) Plan {
	if defaultSet != nil && len(defaultSet.Items) > 0 {
		p := defaultSet.Sync(bank)
		p.Name = ""
		return p
	}
	return Balanced(bank, budget)
}
