package ui

import (
	"errors"
	"parley/store"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// orphanRetryMsg asks the root to try its kept saves again.
type orphanRetryMsg struct{}

// keepFailedSave keeps a save that failed after its screen closed.
func (a *App) keepFailedSave(msg interviewSavedMsg) tea.Cmd {
	iv := msg.save.interview
	if msg.err == nil {
		if kept, ok := a.kept[iv.ID]; ok && kept.seq <= msg.save.seq {
			delete(a.kept, iv.ID)
		}
		return nil
	}
	if iv.ID == 0 || a.ownerOf(iv.ID) >= 0 || errors.Is(msg.err, store.ErrNotFound) {
		return nil // still owned, or its contact is gone
	}
	if kept, ok := a.kept[iv.ID]; ok && kept.seq > msg.save.seq {
		return nil
	}
	if a.kept == nil {
		a.kept = map[uint64]interviewSave{}
	}
	a.kept[iv.ID] = msg.save
	if errors.Is(msg.err, store.ErrConflict) {
		return nil // trying again cannot help; it is written at exit
	}
	return addressed(rootID, a.c.after(saveRetryDelay, func(time.Time) tea.Msg { return orphanRetryMsg{} }))
}

// retryKept writes every kept save again.
func (a App) retryKept() tea.Cmd {
	var cmds []tea.Cmd
	for _, sv := range a.kept {
		cmds = append(cmds, a.c.interviews.save(a.c.store, sv.owner, sv.gen, sv.interview))
	}
	return tea.Batch(cmds...)
}

// flushKept writes the kept saves synchronously, after the program stopped.
func (a App) flushKept(s *store.Store) []string {
	var errs []string
	for _, sv := range a.kept {
		if err := a.c.interviews.writeNow(s, sv.owner, sv.interview); err != nil {
			errs = append(errs, err.Error())
		}
	}
	return errs
}
