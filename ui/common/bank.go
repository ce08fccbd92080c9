package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"parley/questions"
	"parley/store"
)

// Results of reading and writing the bank.
type (
	// BankLoadedMsg carries the bank state and, when asked for, the
	// statistics of every past interview.
	BankLoadedMsg struct {
		State questions.UserState
		Stats map[string]questions.Stat
		Err   error
	}
	// BankSavedMsg reports one save; seq tells its owner it is theirs.
	BankSavedMsg struct {
		seq  uint64
		note string
		err  error
	}
)

func (m BankLoadedMsg) Failed() error { return m.Err }
func (m BankSavedMsg) Failed() error  { return m.err }

func (m BankSavedMsg) Changes() []NotebookChangedMsg {
	if m.err != nil {
		return nil
	}
	return []NotebookChangedMsg{{Kind: changedBank}}
}

// LoadBank reads the bank state, and the statistics too if withStats.
func LoadBank(s *store.Store, withStats bool) tea.Cmd {
	return func() tea.Msg {
		st, err := s.QuestionBank()
		if err != nil || !withStats {
			return BankLoadedMsg{State: st, Err: err}
		}
		ivs, err := s.AllInterviews()
		return BankLoadedMsg{State: st, Stats: questions.Stats(ivs), Err: err}
	}
}

// BankCopy is a screen's copy of the bank state and whether its last change
// is safely on disk. The screen shows its copy at once and saves it behind
// the scenes; a save that fails leaves unsaved set, so flush retries at exit.
type BankCopy struct {
	State   questions.UserState
	lastSeq uint64
	Unsaved bool
}

// Change adopts st and returns the command that saves it; note is shown
// in the status line once it is saved.
func (b *BankCopy) Change(c *Common, st questions.UserState, note string) tea.Cmd {
	b.State = st
	b.Unsaved = true
	seq := c.Bank.Ticket()
	b.lastSeq = seq
	w, s := c.Bank, c.Store
	return func() tea.Msg {
		_, err := w.apply(0, seq, func() error { return s.PutQuestionBank(st) })
		return BankSavedMsg{seq: seq, note: note, err: err}
	}
}

// Saved takes a save's result; it returns the note to show, if the save
// was this copy's latest and went through.
func (b *BankCopy) Saved(msg BankSavedMsg) tea.Cmd {
	if msg.seq != b.lastSeq || msg.err != nil {
		return nil
	}
	b.Unsaved = false
	if msg.note == "" {
		return nil
	}
	return Info("%s", msg.note)
}

// Flush writes the copy if its last save did not go through.
func (b BankCopy) Flush(c *Common, s *store.Store) error {
	if !b.Unsaved {
		return nil
	}
	_, err := c.Bank.apply(0, c.Bank.Ticket(), func() error { return s.PutQuestionBank(b.State) })
	return err
}
