package ui

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// writer serialises the saves of one kind of record. Each save writes a
// whole copy from a command, and commands run concurrently, so a slow save
// of an older copy could land after a newer one. A save takes its sequence
// number when it is made, in Update, where changes happen one at a time;
// the writer applies saves one at a time and skips one that a newer save
// of the same record already overtook (the newer copy holds its changes).
type writer struct {
	issued  atomic.Uint64
	mu      sync.Mutex
	written map[uint64]uint64 // record key → sequence of the last save applied
}

// ticket is the sequence number of a save about to be made.
func (w *writer) ticket() uint64 { return w.issued.Add(1) }

// apply runs put for save seq of record key unless a newer save of it went
// through first; applied is false then.
func (w *writer) apply(key, seq uint64, put func() error) (applied bool, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if seq < w.written[key] {
		return false, nil
	}
	if err := put(); err != nil {
		return true, err
	}
	if w.written == nil {
		w.written = map[uint64]uint64{}
	}
	w.written[key] = seq
	return true, nil
}

// interviewWriter is the one writer of interviews from the interface. The
// store refuses a save whose Rev is not the stored one (store.ErrConflict).
// A screen's next save may be made before its last one has come back, so
// it still carries the older Rev; the writer knows which owner wrote which
// Rev and lets an owner's later save build on its own earlier one, never on
// anyone else's.
type interviewWriter struct {
	writer
	owners atomic.Uint64
	last   map[uint64]ownedRev // interview ID → the last write through here
}

type ownedRev struct{ owner, rev uint64 }

// newOwner is the token of a new interview screen.
func (w *interviewWriter) newOwner() uint64 { return w.owners.Add(1) }

// interviewSave is one save of an interview, as made by its owner.
type interviewSave struct {
	interview model.Interview
	owner     uint64
	// gen is the owner's count of changes the copy includes.
	gen uint64
	seq uint64
}

// interviewSavedMsg reports one save. superseded is a save skipped because
// a newer one of the same interview was written.
type interviewSavedMsg struct {
	save       interviewSave
	interview  model.Interview
	superseded bool
	err        error
}

func (m interviewSavedMsg) failed() error { return m.err }

func (m interviewSavedMsg) changes() []notebookChangedMsg {
	if m.err != nil || m.superseded {
		return nil
	}
	iv := m.interview
	return []notebookChangedMsg{{kind: changedInterview, contactID: iv.ContactID, interview: &iv, autosave: true}}
}

// save returns the command that writes iv for owner; gen is what the
// owner counts as included.
func (w *interviewWriter) save(s *store.Store, owner, gen uint64, iv model.Interview) tea.Cmd {
	sv := interviewSave{interview: iv, owner: owner, gen: gen, seq: w.ticket()}
	return func() tea.Msg { return w.write(s, sv) }
}

func (w *interviewWriter) write(s *store.Store, sv interviewSave) interviewSavedMsg {
	msg := interviewSavedMsg{save: sv, interview: sv.interview}
	applied, err := w.apply(sv.interview.ID, sv.seq, func() error {
		iv := sv.interview
		if last, ok := w.last[iv.ID]; ok && last.owner == sv.owner && iv.Rev < last.rev {
			iv.Rev = last.rev
		}
		saved, err := s.PutInterview(iv)
		if err != nil {
			return err
		}
		msg.interview = saved
		if w.last == nil {
			w.last = map[uint64]ownedRev{}
		}
		w.last[saved.ID] = ownedRev{sv.owner, saved.Rev}
		return nil
	})
	msg.superseded, msg.err = !applied, err
	return msg
}

// writeNow saves synchronously, once the program has stopped. A copy that
// lost a race is saved over the other one: the text on the user's screen
// is the newest they saw, and at exit there is no screen left to ask them.
func (w *interviewWriter) writeNow(s *store.Store, owner uint64, iv model.Interview) error {
	msg := w.write(s, interviewSave{interview: iv, owner: owner, seq: w.ticket()})
	if !errors.Is(msg.err, store.ErrConflict) {
		return msg.err
	}
	stored, err := s.Interview(iv.ID)
	if err != nil {
		return err
	}
	iv.Rev = stored.Rev
	if _, err := s.PutInterview(iv); err != nil {
		return err
	}
	return fmt.Errorf("interview %d was changed elsewhere; the version on your screen was saved over it", iv.ID)
}

// Kept saves: an interview screen that closes writes its last changes from
// a command. If that write fails, the screen is gone and nothing would try
// again, so the root keeps the save, retries it until it is written, and
// writes it at exit.

// saveRetryDelay is how long to wait before trying a failed save again.
const saveRetryDelay = 2 * time.Second
