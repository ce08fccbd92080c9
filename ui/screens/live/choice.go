package live

import (
	"fmt"
	"parley/ui/common"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
)

// choicePurpose says what the one-line choice under the checklist decides.
type choicePurpose int

const (
	choiceNone choicePurpose = iota
	// choiceBudget: the budget, as on the prepare screen (15/20/30/other).
	choiceBudget
	// choiceNotHeld: ctrl+e before the clock ever ran: why it did not
	// take place.
	choiceNotHeld
	// choiceStaleClock: the clock was found running for hours.
	choiceStaleClock
)

// budgetChoices are the budgets the prepare screen offers; the last,
// "other", asks for minutes.
var budgetChoices = []time.Duration{15 * time.Minute, 20 * time.Minute, 30 * time.Minute, 0}

// staleAfter is how far past its budget a running clock must be, when the
// screen opens, to be taken for one left running by mistake.
const staleAfter = time.Hour

// choiceKeys move along a choice and take or leave it.
type choiceKeys struct{ Left, Right, Choose, Cancel key.Binding }

func newChoiceKeys() choiceKeys {
	return choiceKeys{
		Left:   key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←/→", "choose")),
		Right:  key.NewBinding(key.WithKeys("right", "l", "tab")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "take it")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// choice is an open one-line choice: what for, and which option is marked.
type choice struct {
	purpose choicePurpose
	at      int
}

// options are the words of each option of the open choice.
func (s InterviewScreen) choiceOptions() []string {
	switch s.choosing.purpose {
	case choiceBudget:
		out := make([]string, len(budgetChoices))
		for i, d := range budgetChoices {
			out[i] = "other"
			if d > 0 {
				out[i] = fmt.Sprintf("%d min", int(d/time.Minute))
			}
		}
		return out
	case choiceNotHeld:
		out := make([]string, len(model.NotHeldReasons))
		for i, r := range model.NotHeldReasons {
			out[i] = string(r)
		}
		return out
	case choiceStaleClock:
		return []string{"ended at " + model.FormatClock(s.lastActivity()) + " (last note or tick)",
			"ended at " + model.FormatClock(s.Interview.Budget) + " (the budget)", "still going"}
	}
	return nil
}

// openChoice opens a choice with option at marked.
func (s InterviewScreen) openChoice(p choicePurpose, at int) (common.Screen, tea.Cmd) {
	s.choosing = choice{purpose: p, at: at}
	return s, nil
}

func (s InterviewScreen) handleChoice(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := s.choiceKeys
	n := len(s.choiceOptions())
	switch {
	case key.Matches(msg, s.keys.StartPause) && s.choosing.purpose == choiceBudget:
		return s.startPause()
	case key.Matches(msg, k.Cancel):
		s.choosing = choice{}
	case key.Matches(msg, k.Left):
		s.choosing.at = max(s.choosing.at-1, 0)
	case key.Matches(msg, k.Right):
		s.choosing.at = min(s.choosing.at+1, n-1)
	case key.Matches(msg, k.Choose):
		c := s.choosing
		s.choosing = choice{}
		return s.chosen(c)
	}
	return s, nil
}

// chosen acts on the option taken.
func (s InterviewScreen) chosen(c choice) (common.Screen, tea.Cmd) {
	switch c.purpose {
	case choiceBudget:
		if d := budgetChoices[c.at]; d > 0 {
			s.setBudget(d)
			return s, s.Changed()
		}
		// Empty, so typing "2" means 2 minutes, not 202; the placeholder
		// says what it is now.
		sc, cmd := s.openInput(inputBudget, "")
		is := sc.(InterviewScreen)
		is.input.Placeholder = fmt.Sprintf("minutes (now %d)", int(s.Interview.Budget/time.Minute))
		return is, cmd
	case choiceNotHeld:
		return s.markNotHeld(model.NotHeldReasons[c.at])
	case choiceStaleClock:
		switch c.at {
		case 0:
			return s.endWithLength(s.lastActivity())
		case 1:
			return s.endWithLength(s.Interview.Budget)
		}
	}
	return s, nil
}

// lastActivity is the clock's reading at the last thing written or
// ticked: where a conversation most likely ended.
func (s InterviewScreen) lastActivity() time.Duration {
	var last time.Duration
	for _, n := range s.notes.Notes() {
		last = max(last, n.At)
	}
	for _, q := range append(append([]model.Question(nil), s.Interview.Questions...), s.Interview.Closing...) {
		if q.Asked {
			last = max(last, q.AskedAt)
		}
	}
	return last
}

// staleClock reports whether the clock has been running so far past its
// budget that it was most likely left running.
func (s InterviewScreen) staleClock() bool {
	iv := s.Interview
	return iv.Clock.State() == model.Running && iv.Elapsed(s.now) > iv.Budget+staleAfter
}

// choiceView is the open choice in one line, the marked option bracketed.
func (s InterviewScreen) choiceView(width int) string {
	st := s.c.Styles
	label := map[choicePurpose]string{
		choiceBudget:     "Budget  ",
		choiceNotHeld:    "The clock never ran. Not held:  ",
		choiceStaleClock: fmt.Sprintf("The clock ran %s. ", model.FormatClock(s.Interview.Elapsed(s.now))),
	}[s.choosing.purpose]
	opts := s.choiceOptions()
	chosen := opts[s.choosing.at]
	for i, o := range opts {
		if i == s.choosing.at {
			opts[i] = st.Sym.Pointer[:len(st.Sym.Pointer)-1] + "[" + o + "]"
		}
	}
	line := st.Accent.Render(label) + strings.Join(opts, "  ")
	optionsFit := common.CellWidth(line) <= width
	switch s.choosing.purpose {
	case choiceBudget:
		fits := "type the minutes"
		if d := budgetChoices[s.choosing.at]; d > 0 {
			fits = fmt.Sprintf("%d questions fit", questions.Fit(d))
		}
		line += st.Muted.Render("  → " + fits)
	case choiceNotHeld:
		line += st.Muted.Render("  → no thank-you falls due; esc: back")
	}
	if optionsFit {
		return common.TruncateCells(line, width) // the hint may be cut
	}
	// Too narrow for every option: the one chosen, and which of how many,
	// so the choice is never made blind.
	short := map[choicePurpose]string{choiceBudget: "Budget ", choiceNotHeld: "Not held: ", choiceStaleClock: label}[s.choosing.purpose]
	compact := st.Accent.Render(short) + "< [" + chosen + "] >" +
		st.Muted.Render(fmt.Sprintf(" %d/%d ←/→", s.choosing.at+1, len(opts)))
	return common.TruncateCells(compact, width)
}
