package bank

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"

	"parley/model"
	"parley/questions"
)

func bankOnTop(t *testing.T, h *uitest.Harness) bankScreen {
	t.Helper()
	b, ok := h.Top().(bankScreen)
	if !ok {
		t.Fatalf("top screen is %T, want the bank", h.Top())
	}
	return b
}

func TestBankAddEditTagDelete(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	h.Open(NewBankScreen(h.C))
	h.Keys("n", "type:Would you hire me")
	if v := h.View(); !strings.Contains(v, "plain yes or no") || !strings.Contains(v, "asking them for a job") {
		t.Errorf("no hints under the question:\n%s", v)
	}
	// A hint is not a block: it saves; tab to the theme and pick the next.
	h.Keys("tab", "right", "enter")
	b := bankOnTop(t, h)
	q, ok := b.selected()
	if !ok || q.Text != "Would you hire me" || q.Theme != questions.ThemeWork || q.BuiltIn {
		t.Fatalf("selected after adding: %+v", q)
	}
	h.Keys("e", "backspace", "backspace", "type:someone like me?", "enter")
	h.Keys("t", "type:#Bold, job", "enter")
	st, err := h.C.Store.QuestionBank()
	if err != nil {
		t.Fatal(err)
	}
	got, ok := questions.Lookup(questions.Bank(st), q.ID)
	if !ok || got.Text != "Would you hire someone like me?" || strings.Join(got.Tags, ",") != "bold,job" {
		t.Fatalf("stored question = %+v", got)
	}
	// A duplicate is refused in the form, with the reason.
	h.Keys("n", "type:would you hire someone like me", "enter")
	if v := h.View(); !strings.Contains(v, "already in the bank") {
		t.Errorf("duplicate not explained:\n%s", v)
	}
	h.Keys("esc")
	// Deleting one's own question asks first and removes it for good.
	h.Keys("d", "y")
	st, _ = h.C.Store.QuestionBank()
	if len(st.Own) != 0 {
		t.Errorf("own questions after delete: %+v", st.Own)
	}
}

func TestBankHidesBuiltInsAndBringsThemBack(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	h.Open(NewBankScreen(h.C))
	first := bankOnTop(t, h).rows[0]
	h.Keys("d")
	if _, ok := h.Top().(bankScreen); !ok {
		t.Fatalf("hiding a built-in asked for confirmation: top is %T", h.Top())
	}
	if _, ok := questions.Lookup(bankOnTop(t, h).rows, first.ID); ok {
		t.Error("hidden question still listed")
	}
	h.Keys("H")
	if v := h.View(); !strings.Contains(v, "Hidden questions · 1") || !strings.Contains(v, first.Text) {
		t.Errorf("hidden list:\n%s", v)
	}
	h.Keys("u", "H")
	st, _ := h.C.Store.QuestionBank()
	if len(st.Hidden()) != 0 || len(questions.Bank(st)) != len(questions.BuiltIns()) {
		t.Errorf("after unhide: hidden %v", st.Hidden())
	}
}

func TestBankFilters(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	h.Open(NewBankScreen(h.C))
	h.Keys("tab", "tab") // path, then work
	for _, q := range bankOnTop(t, h).rows {
		if q.Theme != questions.ThemeWork {
			t.Fatalf("theme filter let through %+v", q)
		}
	}
	h.Keys("p", "p") // practical, then reflective
	for _, q := range bankOnTop(t, h).rows {
		if q.Kind != questions.Reflective || q.Theme != questions.ThemeWork {
			t.Fatalf("kind filter let through %+v", q)
		}
	}
	h.Keys("esc", "/", "type:certif", "enter")
	rows := bankOnTop(t, h).rows
	if len(rows) == 0 {
		t.Fatal("text filter found nothing")
	}
	for _, q := range rows {
		if !strings.Contains(strings.ToLower(q.Text), "certif") {
			t.Errorf("text filter let through %q", q.Text)
		}
	}
	h.Keys("esc")
	if b := bankOnTop(t, h); b.filtered() || len(b.rows) != len(questions.BuiltIns()) {
		t.Errorf("esc left filters: %d rows", len(b.rows))
	}
	h.Keys("esc")
	if len(h.Screens()) != 0 {
		t.Errorf("esc without filters did not leave the bank")
	}
}

// seedInterviews stores two interviews that asked path-01; one starred its
// answer through a note.
func seedInterviews(t *testing.T, h *uitest.Harness) {
	t.Helper()
	c, err := h.C.Store.PutContact(model.Contact{Name: "Fay"})
	if err != nil {
		t.Fatal(err)
	}
	bank := questions.Bank(questions.UserState{})
	for i := 0; i < 2; i++ {
		plan, _ := questions.Plan{}.Add(bank[0])
		plan, _ = plan.Add(bank[1])
		iv := model.NewInterview(c.ID, nil, uitest.HarnessNow)
		iv.Questions = plan.Questions()
		iv.Questions[0].Asked = true
		if i == 1 {
			iv.Notes = []model.Note{{QuestionID: 1, Text: "gold", Starred: true}}
		}
		if _, err := h.C.Store.PutInterview(iv); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBankShowsStatistics(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	seedInterviews(t, h)
	h.Open(NewBankScreen(h.C))
	v := h.View()
	if !strings.Contains(v, "asked 2× · ★1") || !strings.Contains(v, "asked 0×") {
		t.Errorf("no statistics on the rows:\n%s", v)
	}
	if !strings.Contains(v, "planned 2, asked 2, starred 1") {
		t.Errorf("no statistics for the selected question:\n%s", v)
	}
}

func TestBankGolden(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22) // 24 lines less the status and help lines
	seedInterviews(t, h)
	h.Open(NewBankScreen(h.C))
	uitest.Golden(t, "bank-80x24", common.Fit(h.View(), 80, 22)+"\n")
}
