package answers

import (
	"strings"
	"testing"

	"parley/ui/common"
	"parley/ui/uitest"
)

func answersOnTop(t *testing.T, h *uitest.Harness) Screen {
	t.Helper()
	s, ok := h.Top().(Screen)
	if !ok {
		t.Fatalf("top screen is %T, want answers side by side", h.Top())
	}
	return s
}

func lastOpened(t *testing.T, h *uitest.Harness) common.OpenInterviewMsg {
	t.Helper()
	for i := len(h.Seen) - 1; i >= 0; i-- {
		if m, ok := h.Seen[i].(common.OpenInterviewMsg); ok {
			return m
		}
	}
	t.Fatal("no interview was opened")
	return common.OpenInterviewMsg{}
}

func TestAnswersSideBySideStarredFirstAndEnterOpensTheParagraph(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	in := uitest.InsightNotebook(t, h.C.Store)
	h.Keys("a")
	answersOnTop(t, h)
	v := h.View()
	for _, want := range []string{"Path and motivation", "The daily work", "What does a typical week look like for you?",
		"▸ ★ Ana Ruiz · Policy analyst, City Council", "★ Ben Okafor · Engineer, Rail Co"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// The first theme is Path: Ana's starred answer leads it.
	h.Keys("enter")
	if m := lastOpened(t, h); m.Interview.ID != in.AnaTalk.ID || m.NoteNumber != 2 || m.Contact.ID != in.Ana.ID {
		t.Errorf("enter asked for interview %d at note %d, want %d at 2", m.Interview.ID, m.NoteNumber, in.AnaTalk.ID)
	}
	// Down three times: Ben's path answer, Ben's starred answer on the
	// week, then Ana's first paragraph on it.
	h.Keys("down", "down", "down", "enter")
	if m := lastOpened(t, h); m.Interview.ID != in.AnaTalk.ID || m.NoteNumber != 1 {
		t.Errorf("after moving, enter asked for interview %d at note %d, want %d at 1", m.Interview.ID, m.NoteNumber, in.AnaTalk.ID)
	}
}

func TestAnswersFilterByPeopleAndTakeawaysNewestFirst(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	in := uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewAnswersScreen(h.C))
	h.Keys("tab")
	s := answersOnTop(t, h)
	if len(s.takeaways) != 2 || s.takeaways[0].InterviewID != in.BenTalk.ID {
		t.Fatalf("takeaways: %+v, want Ben's first", s.takeaways)
	}
	// f opens the picker: everyone, fields, organisations, tags.
	h.Keys("f")
	if v := h.View(); !strings.Contains(v, "in the field Urban planning") || !strings.Contains(v, "tagged policy") {
		t.Fatalf("picker:\n%s", v)
	}
	h.Keys("G", "up", "enter") // the tags come last: policy, then transport
	s = answersOnTop(t, h)
	if s.filter.Tag != "policy" || len(s.takeaways) != 1 || s.takeaways[0].ContactID != in.Ana.ID {
		t.Fatalf("filter %+v: takeaways %+v", s.filter, s.takeaways)
	}
	h.Keys("tab")
	if v := h.View(); !strings.Contains(v, "People: tagged policy") || !strings.Contains(v, "No question has been asked in more than one interview yet among these people") {
		t.Errorf("filtered answers:\n%s", v)
	}
	h.Keys("x")
	if s = answersOnTop(t, h); !s.filter.Empty() || len(s.themes) != 2 {
		t.Errorf("after x: filter %+v, %d themes", s.filter, len(s.themes))
	}
	h.Keys("tab", "enter")
	if m := lastOpened(t, h); m.Interview.ID != in.BenTalk.ID || m.NoteNumber != 0 {
		t.Errorf("enter on a takeaway asked for interview %d at note %d, want %d at its wrap-up", m.Interview.ID, m.NoteNumber, in.BenTalk.ID)
	}
}

func TestAnswersScrollKeepsTheCursorOnScreen(t *testing.T) {
	h := uitest.NewHarness(t, 80, 10)
	uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewAnswersScreen(h.C))
	for range 6 {
		h.Keys("down")
		if v := h.View(); !strings.Contains(v, "▸") {
			t.Fatalf("cursor off screen:\n%s", v)
		}
	}
	h.Keys("g")
	if v := h.View(); !strings.Contains(v, "Path and motivation") {
		t.Errorf("g does not go back to the top:\n%s", v)
	}
}

func TestAnswersEmptyNotebookSaysWhatWillBeHere(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	h.Open(NewAnswersScreen(h.C))
	if v := h.View(); !strings.Contains(v, "answer the same question, their answers are set side by side") {
		t.Errorf("empty:\n%s", v)
	}
}

func TestGoldenAnswers(t *testing.T) {
	open := func(c *common.Common) common.Screen { return NewAnswersScreen(c) }
	uitest.GoldenInsights(t, "answers", open, "down")
	uitest.GoldenInsights(t, "answers_takeaways", open, "down", "tab")
}
