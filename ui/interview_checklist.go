package ui

import (
	"fmt"
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
func (s interviewScreen) handleChecklistKey(msg tea.KeyMsg) (screen, tea.Cmd) {
	nq := len(s.iv.Questions)
	rows := s.checklistRows()
	inClosing := s.cursor >= nq
	switch {
	case key.Matches(msg, s.keys.Back):
		return s, pop
	case key.Matches(msg, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, s.keys.Down):
		s.cursor = min(s.cursor+1, max(rows-1, 0))
	case key.Matches(msg, s.keys.Tick):
		if inClosing {
			s.iv.ToggleClosing(s.cursor-nq, s.now)
		} else {
			s.iv.ToggleAsked(s.cursor, s.now)
		}
		return s, s.changed()
	case inClosing:
		// The remaining keys act on questions only.
	case key.Matches(msg, s.keys.MoveUp):
		s.cursor = s.iv.Move(s.cursor, -1)
		return s, s.changed()
	case key.Matches(msg, s.keys.MoveDown):
		s.cursor = s.iv.Move(s.cursor, 1)
		return s, s.changed()
	case key.Matches(msg, s.keys.Skip):
		s.iv.ToggleSkipped(s.cursor)
		return s, s.changed()
	case key.Matches(msg, s.keys.MustAsk):
		s.iv.ToggleMustAsk(s.cursor)
		return s, s.changed()
	case key.Matches(msg, s.keys.Star):
		s.iv.Questions[s.cursor].Starred = !s.iv.Questions[s.cursor].Starred
		return s, s.changed()
	case key.Matches(msg, s.keys.Choose):
		s.iv.Choose(s.cursor)
		return s, s.changed()
	}
	switch {
	case key.Matches(msg, s.keys.Add):
		return s.openInput(inputQuestion, "")
	case key.Matches(msg, s.keys.Budget):
		return s.openInput(inputBudget, fmt.Sprint(int(s.iv.Budget/time.Minute)))
	case key.Matches(msg, s.keys.Closing):
		s.showClosing = !s.showClosing
		if !s.closingVisible() {
			s.cursor = min(s.cursor, max(nq-1, 0))
		}
	}
	return s, nil
}

// checklistRows is how many rows the cursor can visit.
func (s interviewScreen) checklistRows() int {
	if s.closingVisible() {
		return len(s.iv.Questions) + len(s.iv.Closing)
	}
	return len(s.iv.Questions)
}

// closingVisible: the closing steps show when asked for, and by themselves
// once five minutes remain.
func (s interviewScreen) closingVisible() bool {
	return s.showClosing || s.iv.ClosingDue(s.now) || s.iv.Clock.State() == model.Ended
}

// openInput opens the one-line input under the checklist.
func (s interviewScreen) openInput(p inputPurpose, value string) (screen, tea.Cmd) {
	s.inputFor, s.inputProblem = p, ""
	s.input.SetValue(value)
	s.input.CursorEnd()
	s.input.Placeholder = map[inputPurpose]string{
		inputQuestion: "a question that came up",
		inputBudget:   "minutes, e.g. 15, 20 or 30",
	}[p]
	return s, s.input.Focus()
}

func (s interviewScreen) handleInput(msg tea.KeyMsg) (screen, tea.Cmd) {
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
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// submitInput applies what was typed: a new question or a new budget.
func (s interviewScreen) submitInput() (screen, tea.Cmd) {
	value := s.input.Value()
	switch s.inputFor {
	case inputQuestion:
		// A question that comes up goes right after the current one.
		at := s.iv.Current() + 1
		if at == 0 {
			at = len(s.iv.Questions)
		}
		if i := s.iv.InsertQuestion(at, value); i >= 0 {
			s.cursor = i
		}
	case inputBudget:
		d, err := model.ParseBudget(value)
		if err != nil {
			s.inputProblem = err.Error()
			return s, nil
		}
		s.iv.Budget = d
	}
	s.inputFor = inputNone
	s.input.Blur()
	return s, s.changed()
}
