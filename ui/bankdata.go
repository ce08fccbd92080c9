package ui

import (
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"parley/questions"
	"parley/store"
)

// bankWriter keeps writes of the question bank in the order the user made
// the changes. Each change saves the whole state from a command, and
// commands run concurrently, so a slow write of an older state could land
// after a newer one. A save takes its sequence number when it is made, in
// Update, where changes happen one at a time; the writer then drops any save
// older than the last one written. It is shared through common because the
// bank screen and the plan screen both save the bank.
type bankWriter struct {
	issued  atomic.Uint64
	mu      sync.Mutex
	written uint64
}

// next hands out the sequence number for a save about to be made.
func (w *bankWriter) next() uint64 { return w.issued.Add(1) }

// write saves st unless a newer save already went through.
func (w *bankWriter) write(s *store.Store, seq uint64, st questions.UserState) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if seq < w.written {
		return nil
	}
	if err := s.PutQuestionBank(st); err != nil {
		return err
	}
	w.written = seq
	return nil
}

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
	seq := c.bank.next()
	b.lastSeq = seq
	w, s := c.bank, c.store
	return func() tea.Msg {
		return bankSavedMsg{seq: seq, note: note, err: w.write(s, seq, st)}
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
	return c.bank.write(s, c.bank.next(), b.state)
}
