package ui

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// Orphaned saves: an interview screen that closes writes its last changes
// from a command (see saver). If that write fails, the screen is gone and
// nothing would try again, so the root keeps the interview and retries it
// until it is written, and writes it at exit. The failed save's message
// carries the interview as it was to be saved.

// orphanRetryMsg asks the root to try its orphaned saves again.
type orphanRetryMsg struct{}

// adoptFailedSave keeps an interview whose save failed when no screen on
// the stack holds it any more, and schedules a retry.
func (a *App) adoptFailedSave(msg interviewSavedMsg) tea.Cmd {
	iv := msg.interview
	if msg.err == nil || iv.ID == 0 || a.holdsInterview(iv.ID) || errors.Is(msg.err, store.ErrNotFound) {
		return nil // saved, still owned, or its contact is gone
	}
	if kept, ok := a.orphans[iv.ID]; ok && kept.Rev > iv.Rev {
		return nil
	}
	if a.orphans == nil {
		a.orphans = map[uint64]model.Interview{}
	}
	a.orphans[iv.ID] = iv
	return a.c.after(saveRetryDelay, func(time.Time) tea.Msg { return orphanRetryMsg{} })
}

// releaseSaved forgets an orphan once a save at least as new went through.
func (a *App) releaseSaved(msg interviewSavedMsg) {
	if kept, ok := a.orphans[msg.interview.ID]; ok && msg.err == nil && msg.interview.Rev >= kept.Rev {
		delete(a.orphans, msg.interview.ID)
	}
}

// retryOrphans writes every orphaned interview again.
func (a App) retryOrphans() tea.Cmd {
	var cmds []tea.Cmd
	for _, iv := range a.orphans {
		cmds = append(cmds, saveInterview(a.c.store, iv))
	}
	return tea.Batch(cmds...)
}

func (a App) holdsInterview(id uint64) bool {
	for _, s := range a.stack {
		if is, ok := s.(interviewScreen); ok && is.iv.ID == id {
			return true
		}
	}
	return false
}

// flushOrphans writes the orphans synchronously, after the program stopped.
func (a App) flushOrphans(s *store.Store) []string {
	var errs []string
	for _, iv := range a.orphans {
		if _, err := s.PutInterview(iv); err != nil {
			errs = append(errs, err.Error())
		}
	}
	return errs
}
