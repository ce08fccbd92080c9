package common

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

// Writer serialises the saves of one kind of record. Each save writes a
// whole copy from a command, and commands run concurrently, so a slow save
// of an older copy could land after a newer one. A save takes its sequence
// number when it is made, in Update, where changes happen one at a time;
// the writer applies saves one at a time and skips one that a newer save
// of the same record already overtook (the newer copy holds its changes).
type Writer struct {
	issued  atomic.Uint64
	mu      sync.Mutex
	written map[uint64]uint64 // record key → sequence of the last save applied
}

// Ticket is the sequence number of a save about to be made.
func (w *Writer) Ticket() uint64 { return w.issued.Add(1) }

// apply runs put for save seq of record key unless a newer save of it went
// through first; applied is false then.
func (w *Writer) apply(key, seq uint64, put func() error) (applied bool, err error) {
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

// InterviewWriter is the one writer of interviews from the interface. The
// store refuses a save whose Rev is not the stored one (store.ErrConflict).
// A screen's next save may be made before its last one has come back, so
// it still carries the older Rev; the writer knows which owner wrote which
// Rev and lets an owner's later save build on its own earlier one, never on
// anyone else's.
type InterviewWriter struct {
	Writer
	owners atomic.Uint64
	last   map[uint64]ownedRev // interview ID → the last write through here
}

type ownedRev struct{ owner, rev uint64 }

// NewOwner is the token of a new interview screen.
func (w *InterviewWriter) NewOwner() uint64 { return w.owners.Add(1) }

// InterviewSave is one save of an interview, as made by its owner.
type InterviewSave struct {
	Interview model.Interview
	Owner     uint64
	// Gen is the owner's count of changes the copy includes.
	Gen uint64
	Seq uint64
}

// InterviewSavedMsg reports one save. superseded is a save skipped because
// a newer one of the same interview was written.
type InterviewSavedMsg struct {
	Save       InterviewSave
	Interview  model.Interview
	Superseded bool
	Err        error
}

func (m InterviewSavedMsg) Failed() error { return m.Err }

func (m InterviewSavedMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil || m.Superseded {
		return nil
	}
	iv := m.Interview
	return []NotebookChangedMsg{{Kind: ChangedInterview, ContactID: iv.ContactID, Interview: &iv, Autosave: true}}
}

// Save returns the command that writes iv for owner; gen is what the
// owner counts as included.
func (w *InterviewWriter) Save(s *store.Store, owner, gen uint64, iv model.Interview) tea.Cmd {
	sv := InterviewSave{Interview: iv, Owner: owner, Gen: gen, Seq: w.Ticket()}
	return func() tea.Msg { return w.Write(s, sv) }
}

func (w *InterviewWriter) Write(s *store.Store, sv InterviewSave) InterviewSavedMsg {
	msg := InterviewSavedMsg{Save: sv, Interview: sv.Interview}
	applied, err := w.apply(sv.Interview.ID, sv.Seq, func() error {
		iv := sv.Interview
		if last, ok := w.last[iv.ID]; ok && last.owner == sv.Owner && iv.Rev < last.rev {
			iv.Rev = last.rev
		}
		saved, err := s.PutInterview(iv)
		if err != nil {
			return err
		}
		msg.Interview = saved
		if w.last == nil {
			w.last = map[uint64]ownedRev{}
		}
		w.last[saved.ID] = ownedRev{sv.Owner, saved.Rev}
		return nil
	})
	msg.Superseded, msg.Err = !applied, err
	return msg
}

// WriteNow saves synchronously, once the program has stopped. A copy that
// lost a race is saved over the other one: the text on the user's screen
// is the newest they saw, and at exit there is no screen left to ask them.
func (w *InterviewWriter) WriteNow(s *store.Store, owner uint64, iv model.Interview) error {
	msg := w.Write(s, InterviewSave{Interview: iv, Owner: owner, Seq: w.Ticket()})
	if !errors.Is(msg.Err, store.ErrConflict) {
		return msg.Err
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

// SaveRetryDelay is how long to wait before trying a failed save again.
const SaveRetryDelay = 2 * time.Second
