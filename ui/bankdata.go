package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"parley/questions"
	"parley/store"
)

// Results of reading and writing the bank.
type (
	// bankLoadedMsg carries the bank state and, when asked for, the
	// statistics of every past interview.
	bankLoadedMsg struct {
		state questions.UserState
		stats map[string]questions.Stat
		err   error
	}
	// bankSavedMsg reports one save; seq tells its owner it is theirs.
	bankSavedMsg struct {
		seq  uint64
		note string
		err  error
	}
)

func (m bankLoadedMsg) failed() error { return m.err }
func (m bankSavedMsg) failed() error  { return m.err }

func (m bankSavedMsg) changes() []notebookChangedMsg {
	if m.err != nil {
		return nil
	}
	return []notebookChangedMsg{{kind: changedBank}}
}

// loadBank reads the bank state, and the statistics too if withStats.
func loadBank(s *store.Store, withStats bool) tea.Cmd {
	return func() tea.Msg {
		st, err := s.QuestionBank()
		if err != nil || !withStats {
			return bankLoadedMsg{state: st, err: err}
		}
		ivs, err := s.AllInterviews()
		return bankLoadedMsg{state: st, stats: questions.Stats(ivs), err: err}
	}
}

// bankCopy is a screen's copy of the bank state and whether its last change
// is safely on disk. The screen shows its copy at once and saves it behind
// the scenes; a save that fails leaves unsaved set, so flush retries at exit.
type bankCopy struct {
	state   questions.UserState
	lastSeq uint64
	unsaved bool
}

// change adopts st and returns the command that saves it; note is shown
// in the status line once it is saved.
func (b *bankCopy) change(c *common, st questions.UserState, note string) tea.Cmd {
	b.state = st
	b.unsaved = true
	seq := c.bank.ticket()
	b.lastSeq = seq
	w, s := c.bank, c.store
	return func() tea.Msg {
		_, err := w.apply(0, seq, func() error { return s.PutQuestionBank(st) })
		return bankSavedMsg{seq: seq, note: note, err: err}
	}
}

// saved takes a save's result; it returns the note to show, if the save
// was this copy's latest and went through.
func (b *bankCopy) saved(msg bankSavedMsg) tea.Cmd {
	if msg.seq != b.lastSeq || msg.err != nil {
		return nil
	}
	b.unsaved = false
	if msg.note == "" {
		return nil
	}
	return info("%s", msg.note)
}

// flush writes the copy if its last save did not go through.
func (b bankCopy) flush(c *common, s *store.Store) error {
	if !b.unsaved {
		return nil
	}
	_, err := c.bank.apply(0, c.bank.ticket(), func() error { return s.PutQuestionBank(b.state) })
	return err
}
