package live

import (
	"parley/ui/common"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// inputPurpose says what the one-line input under the checklist is for.
type inputPurpose int

const (
	inputNone inputPurpose = iota
	inputQuestion
	inputBudget
)

// handleChecklistKey acts on the checklist while it has focus.
func (s InterviewScreen) handleChecklistKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	nq := len(s.Interview.Questions)
	rows := s.checklistRows()
	inClosing := s.cursor >= nq
	switch {
	case key.Matches(msg, s.keys.Back):
		return s, common.Pop
	case key.Matches(msg, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, s.keys.Down):
		s.cursor = min(s.cursor+1, max(rows-1, 0))
	case key.Matches(msg, s.keys.Tick):
		if inClosing {
			s.Interview.ToggleClosing(s.cursor-nq, s.now)
		} else {
			s.Interview.ToggleAsked(s.cursor, s.now)
		}
		return s, s.Changed()
	case inClosing:
		// The remaining keys act on questions only.
	case key.Matches(msg, s.keys.MoveUp):
		s.cursor = s.Interview.Move(s.cursor, -1)
		return s, s.Changed()
	case key.Matches(msg, s.keys.MoveDown):
		s.cursor = s.Interview.Move(s.cursor, 1)
		return s, s.Changed()
	case key.Matches(msg, s.keys.Skip):
		s.Interview.ToggleSkipped(s.cursor)
		return s, s.Changed()
	case key.Matches(msg, s.keys.MustAsk):
		s.Interview.ToggleMustAsk(s.cursor)
		return s, s.Changed()
	case key.Matches(msg, s.keys.Star):
		s.Interview.Questions[s.cursor].Starred = !s.Interview.Questions[s.cursor].Starred
		return s, s.Changed()
	case key.Matches(msg, s.keys.Choose):
		s.Interview.Choose(s.cursor)
		return s, s.Changed()
	}
	switch {
	case key.Matches(msg, s.keys.Add):
		return s.openInput(inputQuestion, "")
	case key.Matches(msg, s.keys.Budget):
		at := len(budgetChoices) - 1 // other
		for i, d := range budgetChoices {
			if d == s.Interview.Budget {
				at = i
			}
		}
		return s.openChoice(choiceBudget, at)
	case key.Matches(msg, s.keys.Closing) && inClosing:
		// Back from the closing steps to the question on the top line.
		s.showClosing = false
		s.cursor = max(s.prompt().Question(), 0)
	case key.Matches(msg, s.keys.Closing):
		s.showClosing = true
		s.cursor = nq + min(s.Interview.ClosingDone(), max(len(s.Interview.Closing)-1, 0))
	case key.Matches(msg, s.keys.Last):
		s.showClosing = true
		s.cursor = max(s.checklistRows()-1, 0)
	case key.Matches(msg, s.keys.First):
		s.cursor = 0
	}
	return s, nil
}

// setBudget changes the budget. A longer one can hide the closing steps
// again: a cursor on one of them goes back to the question on the top line
// rather than stay on a row no one can see.
func (s *InterviewScreen) setBudget(d time.Duration) {
	s.Interview.SetBudget(d)
	if s.cursor >= s.checklistRows() {
		s.cursor = max(s.prompt().Question(), 0)
	}
}

// checklistRows is how many rows the cursor can visit.
func (s InterviewScreen) checklistRows() int {
	if s.closingVisible() {
		return len(s.Interview.Questions) + len(s.Interview.Closing)
	}
	return len(s.Interview.Questions)
}

// closingVisible: the closing steps show when asked for, and by themselves
// once five minutes remain.
func (s InterviewScreen) closingVisible() bool {
	return s.showClosing || s.Interview.ClosingDue(s.now) || s.Interview.Clock.State() == model.Ended ||
		s.prompt().Closing()
}

// openInput opens the one-line input under the checklist.
func (s InterviewScreen) openInput(p inputPurpose, value string) (common.Screen, tea.Cmd) {
	s.inputFor, s.inputProblem = p, ""
	s.input.SetValue(value)
	s.input.CursorEnd()
	s.input.Placeholder = map[inputPurpose]string{
		inputQuestion: "a question that came up",
		inputBudget:   "minutes, e.g. 15, 20 or 30",
	}[p]
	return s, s.input.Focus()
}

func (s InterviewScreen) handleInput(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, s.keys.StartPause):
		return s.startPause()
	case key.Matches(msg, s.keys.InputAbort):
		s.inputFor = inputNone
		s.input.Blur()
		return s, nil
	case key.Matches(msg, s.keys.InputOK):
		return s.submitInput()
	}
	var cmd tea.Cmd
	*s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// submitInput applies what was typed: a new question or a new budget.
func (s InterviewScreen) submitInput() (common.Screen, tea.Cmd) {
	value := s.input.Value()
	switch s.inputFor {
	case inputQuestion:
		// A question that comes up goes right after the one on the top line.
		at := s.prompt().Question() + 1
		if at == 0 {
			at = len(s.Interview.Questions)
		}
		if i := s.Interview.InsertQuestion(at, value); i >= 0 {
			s.cursor = i
		}
	case inputBudget:
		d, err := model.ParseBudget(value)
		if err != nil {
			s.inputProblem = err.Error()
			return s, nil
		}
		s.setBudget(d)
	}
	s.inputFor = inputNone
	s.input.Blur()
	return s, s.Changed()
}
