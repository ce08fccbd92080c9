package search

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/ui/common"
	"parley/ui/uitest"
)

func searchOnTop(t *testing.T, h *uitest.Harness) Screen {
	t.Helper()
	s, ok := h.Top().(Screen)
	if !ok {
		t.Fatalf("top screen is %T, want the search", h.Top())
	}
	return s
}

// lastSeen is the last message of type T the app was sent.
func lastSeen[T any](h *uitest.Harness) (T, bool) {
	for i := len(h.Seen) - 1; i >= 0; i-- {
		if m, ok := h.Seen[i].(T); ok {
			return m, true
		}
	}
	var zero T
	return zero, false
}

func TestSearchNarrowsAsYouTypeAndWidensBack(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewSearchScreen(h.C))
	if v := h.View(); !strings.Contains(v, "Type to search") {
		t.Fatalf("before typing:\n%s", v)
	}
	h.Keys("type:site")
	s := searchOnTop(t, h)
	if len(s.hits) != 2 {
		t.Fatalf("site: %d hits, want 2 (Ana's and Ben's notes)", len(s.hits))
	}
	h.Keys("type: vis")
	s = searchOnTop(t, h)
	if len(s.hits) != 1 || s.hits[0].Kind != model.HitNote {
		t.Fatalf("site vis: %+v", s.hits)
	}
	v := h.View()
	for _, want := range []string{"1 hit", "Ana Ruiz · interview notes", "site visits on Thursdays"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	for range " vis" {
		h.Keys("backspace")
	}
	if s = searchOnTop(t, h); len(s.hits) != 2 {
		t.Errorf("back to site: %d hits, want 2", len(s.hits))
	}
	h.Keys("type:xylophone")
	if v := h.View(); !strings.Contains(v, "Nothing matches sitexylophone.") {
		t.Errorf("no hit not said:\n%s", v)
	}
}

func TestSearchFindsEveryKindAndCaseAndAccents(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewSearchScreen(h.C))
	for _, tc := range []struct {
		query string
		kind  model.HitKind
	}{
		{"chloe", model.HitContact},
		{"CYCLING STRATEGY", model.HitResearch},
		{"half politics", model.HitTakeaway},
		{"part-time degree", model.HitNote},
		{"brief templates", model.HitMessage},
		{"happy to talk", model.HitTimeline},
	} {
		h.Keys("type:" + tc.query)
		s := searchOnTop(t, h)
		if len(s.hits) != 1 || s.hits[0].Kind != tc.kind {
			t.Errorf("%q: hits %+v, want one %v", tc.query, s.hits, tc.kind)
		}
		for range tc.query {
			h.Keys("backspace")
		}
	}
}

func TestSearchEnterGoesToTheExactPlace(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	in := uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewSearchScreen(h.C))

	h.Keys("type:fridays", "enter")
	open, ok := lastSeen[common.OpenInterviewMsg](h)
	if !ok || open.Interview.ID != in.AnaTalk.ID || open.NoteNumber != 3 || open.Contact.ID != in.Ana.ID {
		t.Fatalf("enter on a note asked for %+v", open)
	}
	if len(open.Interview.Notes) != 3 {
		t.Errorf("the interview was not read whole: %d notes", len(open.Interview.Notes))
	}

	for range "fridays" {
		h.Keys("backspace")
	}
	h.Keys("type:cycling policy", "enter")
	page, ok := lastSeen[common.OpenContactMsg](h)
	if !ok || page.Contact.ID != in.Ana.ID || page.EntryID != in.AnaRequest.ID {
		t.Fatalf("enter on a message asked for %+v, want Ana's page at entry %d", page, in.AnaRequest.ID)
	}

	for range "cycling policy" {
		h.Keys("backspace")
	}
	h.Keys("type:chartership", "enter")
	open, _ = lastSeen[common.OpenInterviewMsg](h)
	if open.Interview.ID != in.BenTalk.ID || open.NoteNumber != 0 {
		t.Errorf("enter on a takeaway asked for interview %d at note %d, want %d at its wrap-up",
			open.Interview.ID, open.NoteNumber, in.BenTalk.ID)
	}
}

func TestSearchMovesThroughHits(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewSearchScreen(h.C))
	h.Keys("type:a", "down", "down", "up")
	s := searchOnTop(t, h)
	if s.cursor != 1 || len(s.hits) < 3 {
		t.Fatalf("cursor %d of %d hits", s.cursor, len(s.hits))
	}
	// Typing starts again from the first hit.
	h.Keys("type:na")
	if s = searchOnTop(t, h); s.cursor != 0 || s.hits[0].Kind != model.HitContact {
		t.Errorf("after typing: cursor %d, first hit %+v", s.cursor, s.hits[0])
	}
}

func TestSearchKeyOpensSearchOnEveryScreenButItself(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	h.Send(tea.KeyMsg{Type: tea.KeyCtrlF})
	searchOnTop(t, h)
	n := len(h.App.Screens())
	h.Send(tea.KeyMsg{Type: tea.KeyCtrlF})
	if len(h.App.Screens()) != n {
		t.Errorf("ctrl+f on the search opened another: %d screens, want %d", len(h.App.Screens()), n)
	}
	h.Keys("esc")
	h.Keys("/")
	searchOnTop(t, h)
}

func TestSearchRebuildsWhenTheNotebookChanges(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	in := uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewSearchScreen(h.C))
	h.Keys("type:mentor")
	if s := searchOnTop(t, h); len(s.hits) != 0 {
		t.Fatalf("hits before the change: %+v", s.hits)
	}
	c := in.Chloe
	c.Notes = "Looking for a mentor."
	h.Send(common.ContactSavedMsg{Contact: c}) // as a save of the contact form would report
	if _, err := h.C.Store.PutContact(c); err != nil {
		t.Fatal(err)
	}
	h.Send(common.NotebookChangedMsg{Kind: common.ChangedContact, ContactID: c.ID})
	if s := searchOnTop(t, h); len(s.hits) != 1 || s.hits[0].Kind != model.HitResearch {
		t.Errorf("hits after the change: %+v", s.hits)
	}
}

func TestSearchDrawsHostileTextSafely(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	in := uitest.InsightNotebook(t, h.C.Store)
	c := in.Chloe
	c.Notes = "evil \x1b]52;c;aGk=\x07 payload\nnext line"
	if _, err := h.C.Store.PutContact(c); err != nil {
		t.Fatal(err)
	}
	h.Open(NewSearchScreen(h.C))
	h.Keys("type:payload")
	v := h.View()
	if strings.Contains(v, "\x1b]") || strings.Contains(v, "\x07") {
		t.Errorf("escape sequence reached the screen: %q", v)
	}
	if !strings.Contains(v, "␛]52") {
		t.Errorf("the control character is not shown:\n%s", v)
	}
}

func TestGoldenSearch(t *testing.T) {
	uitest.GoldenInsights(t, "search", func(c *common.Common) common.Screen { return NewSearchScreen(c) }, "type:on", "down")
}

func TestSearchWaitsForTheUserBeforeCatchingUpWithAutosaves(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	in := uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewSearchScreen(h.C))
	iv := in.BenTalk
	iv.Notes = append(iv.Notes, model.Note{Text: "Bring a portfolio."})
	if _, err := h.C.Store.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	h.Send(common.NotebookChangedMsg{Kind: common.ChangedInterview, ContactID: iv.ContactID, Interview: &iv, Autosave: true})
	if s := searchOnTop(t, h); s.building != 0 || !s.stale {
		t.Fatalf("an autosave started a build (building %d, stale %v)", s.building, s.stale)
	}
	h.Keys("type:portfolio")
	if s := searchOnTop(t, h); s.stale || len(s.hits) != 1 || s.hits[0].Kind != model.HitNote {
		t.Errorf("after typing: stale %v, hits %+v", s.stale, s.hits)
	}
}
