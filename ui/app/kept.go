package app

import (
	"errors"
	"parley/store"
	"parley/ui/common"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// orphanRetryMsg asks the root to try its kept saves again.
type orphanRetryMsg struct{}

// keepFailedSave keeps a save that failed after its screen closed.
func (a *App) keepFailedSave(msg common.InterviewSavedMsg) tea.Cmd {
	iv := msg.Save.Interview
	if msg.Err == nil {
		if kept, ok := a.Kept[iv.ID]; ok && kept.Seq <= msg.Save.Seq {
			delete(a.Kept, iv.ID)
		}
		return nil
	}
	if iv.ID == 0 || a.ownerOf(iv.ID) >= 0 || errors.Is(msg.Err, store.ErrNotFound) {
		return nil // still owned, or its contact is gone
	}
	if kept, ok := a.Kept[iv.ID]; ok && kept.Seq > msg.Save.Seq {
		return nil
	}
	if a.Kept == nil {
		a.Kept = map[uint64]common.InterviewSave{}
	}
	a.Kept[iv.ID] = msg.Save
	if errors.Is(msg.Err, store.ErrConflict) || a.retrying {
		return nil // trying again cannot help (written at exit), or a retry is set
	}
	a.retrying = true
	return addressed(rootID, a.c.After(common.SaveRetryDelay, func(time.Time) tea.Msg { return orphanRetryMsg{} }))
}

// retryKept writes every kept save again.
func (a App) retryKept() tea.Cmd {
	var cmds []tea.Cmd
	for _, sv := range a.Kept {
		cmds = append(cmds, a.c.Interviews.Save(a.c.Store, sv.Owner, sv.Gen, sv.Interview))
	}
	return tea.Batch(cmds...)
}

// flushKept writes the kept saves synchronously, after the program stopped.
func (a App) flushKept(s *store.Store) []string {
	var errs []string
	for _, sv := range a.Kept {
		if err := a.c.Interviews.WriteNow(s, sv.Owner, sv.Interview); err != nil {
			errs = append(errs, err.Error())
		}
	}
	return errs
}
