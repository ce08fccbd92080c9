package common

import (
	"errors"
	"os"
	"sync"
	"syscall"
)

// Editors are the programs (such as $EDITOR) that Parley runs in the
// terminal. While one runs, Bubble Tea's event loop waits for it, so a
// signal cannot reach the app: the signal handler forwards it here, to the
// editor, and the app quits once the editor's text has been read back.
// Every folder an editor worked in is removed on the way out, whatever
// stopped the program. A nil *Editors tracks nothing (tests).
type Editors struct {
	mu       sync.Mutex
	last     int
	sessions map[int]*editorSession
	stopping os.Signal
}

type editorSession struct {
	dir  string
	proc *os.Process
}

// EditorDoneMsg carries what an editor session produced to the screen that
// asked for it; the root ends the session once it is delivered.
type EditorDoneMsg struct {
	Session int
	Msg     any
}

// Begin records a session working in dir (removed at the latest by
// RemoveLeftovers) and returns its number.
func (e *Editors) Begin(dir string) int {
	if e == nil {
		return 0
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.sessions == nil {
		e.sessions = map[int]*editorSession{}
	}
	e.last++
	e.sessions[e.last] = &editorSession{dir: dir}
	return e.last
}

// Started records the editor's process. If the program is already
// stopping, the editor gets the signal at once.
func (e *Editors) Started(id int, p *os.Process) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if s := e.sessions[id]; s != nil {
		s.proc = p
	}
	if e.stopping != nil {
		_ = p.Signal(e.stopping)
	}
}

// Exited forgets the process of a session whose editor has returned.
func (e *Editors) Exited(id int) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if s := e.sessions[id]; s != nil {
		s.proc = nil
	}
}

// End closes a session once its result has reached its screen.
func (e *Editors) End(id int) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.sessions, id)
}

// Active is the number of sessions whose result has not reached the app.
func (e *Editors) Active() int {
	if e == nil {
		return 0
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.sessions)
}

// Stop forwards a stopping signal to every running editor, and to any that
// starts later.
func (e *Editors) Stop(sig os.Signal) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stopping = sig
	for _, s := range e.sessions {
		if s.proc != nil {
			_ = s.proc.Signal(sig)
		}
	}
}

// Stopping is true once a signal asked the program to stop: an editor
// stopped by it is not an editor that failed, and what it saved is kept.
func (e *Editors) Stopping() bool {
	if e == nil {
		return false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stopping != nil
}

// Kill stops editors that ignored the forwarded signal.
func (e *Editors) Kill() {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.sessions {
		if s.proc != nil {
			_ = s.proc.Signal(syscall.SIGKILL)
		}
	}
}

// RemoveLeftovers removes the folder of every session still open: the
// program stopped before the editor's text was read back (a crash, or an
// editor that would not stop).
func (e *Editors) RemoveLeftovers() error {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	var errs []error
	for id, s := range e.sessions {
		if err := os.RemoveAll(s.dir); err != nil {
			errs = append(errs, err)
		}
		delete(e.sessions, id)
	}
	return errors.Join(errs...)
}
