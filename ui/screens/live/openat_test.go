package live

import (
	"strings"
	"testing"

	"parley/ui/common"
	"parley/ui/uitest"
)

// An answer found elsewhere (answers side by side, the search) opens a
// finished interview at its paragraph, in the notes, not at the wrap-up.
func TestOpenAtANoteOfAFinishedInterview(t *testing.T) {
	h := uitest.NewHarness(t, 100, 30)
	in := uitest.InsightNotebook(t, h.C.Store)
	h.Send(common.OpenInterviewMsg{Contact: in.Ana, Interview: in.AnaTalk, NoteNumber: 3})
	s, ok := h.Top().(InterviewScreen)
	if !ok {
		t.Fatalf("top is %T, want the interview", h.Top())
	}
	if s.focus != paneNotes {
		t.Errorf("focus = %v, want the notes", s.focus)
	}
	if !strings.Contains(s.notes.View(), "Fridays for writing reports.") {
		t.Errorf("notes pane does not show the paragraph:\n%s", s.notes.View())
	}
	if s.Unsaved() {
		t.Error("opening at a paragraph left something to save")
	}

	// Without a paragraph, a finished interview opens on its wrap-up.
	h.Send(common.PopMsg{})
	h.Send(common.OpenInterviewMsg{Contact: in.Ben, Interview: in.BenTalk})
	if s := h.Top().(InterviewScreen); s.focus != paneWrapUp {
		t.Errorf("focus = %v, want the wrap-up", s.focus)
	}
}
