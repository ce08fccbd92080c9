package plan

import (
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/screens/contactpage"
	"parley/ui/screens/live"
	"parley/ui/uitest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/model"
	"parley/questions"
)

func planOnTop(t *testing.T, h *uitest.Harness) planScreen {
	t.Helper()
	p, ok := h.Top().(planScreen)
	if !ok {
		t.Fatalf("top screen is %T, want the plan", h.Top())
	}
	return p
}

// A new user prepares a first interview from an empty notebook: clears the
// starting plan, picks two bank questions, writes a one-off, marks it
// must-ask, moves it first and is ready. The live checklist is the plan.
func TestPrepareFirstInterviewFromEmptyNotebook(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contact := contactWithPage(h, model.Contact{Name: "Ana Ruiz", Notes: "Leads the payments team."})
	h.Keys("p")
	p := planOnTop(t, h)
	if len(p.plan.Items) == 0 {
		t.Fatal("no starting plan")
	}
	if v := h.View(); !strings.Contains(v, "Leads the payments team.") || !strings.Contains(v, "7 fit") {
		t.Errorf("plan view lacks the research or the fit:\n%s", v)
	}
	for range p.plan.Items {
		h.Keys("d")
	}
	if n := len(planOnTop(t, h).plan.Items); n != 0 {
		t.Fatalf("%d items left after removing all", n)
	}
	bank := questions.Bank(questions.UserState{})
	h.Keys("tab", "enter", "down", "enter") // bank rows 1 and 3: adding moves on one
	h.Keys("o", "type:Do you like payments?")
	if v := h.View(); !strings.Contains(v, "plain yes or no") {
		t.Errorf("no yes/no hint while typing:\n%s", v)
	}
	h.Keys("esc", "o") // start again: hints are advice, the user rewrites
	h.Keys("type:What drew you from teaching to payments?", "enter")
	h.Keys("m", "K", "K")
	p = planOnTop(t, h)
	want := []model.Question{
		{ID: 1, Text: "What drew you from teaching to payments?", MustAsk: true},
		{ID: 2, Text: bank[0].Text, BankID: bank[0].ID},
		{ID: 3, Text: bank[2].Text, BankID: bank[2].ID},
	}
	if got := p.plan.Questions(); !reflect.DeepEqual(got, want) {
		t.Fatalf("plan = %+v\nwant %+v", got, want)
	}
	if v := h.View(); !strings.Contains(v, "▸  1 ! ✎ What drew you") {
		t.Errorf("the moved one-off is not first, marked must-ask and selected:\n%s", v)
	}
	h.Keys("ctrl+s")
	live, ok := h.Top().(live.InterviewScreen)
	if !ok {
		t.Fatalf("after ready the top screen is %T", h.Top())
	}
	if len(h.Screens()) != 2 {
		t.Errorf("stack has %d screens, want the contact page and the live screen", len(h.Screens()))
	}
	if !reflect.DeepEqual(live.Interview.Questions, want) || live.Interview.Budget != model.DefaultBudget ||
		live.Interview.Clock.State() != model.NotStarted || live.Interview.ContactID != contact.ID {
		t.Errorf("interview = %+v", live.Interview)
	}
	saved, err := h.C.Store.Interviews(contact.ID)
	if err != nil || len(saved) != 1 || !reflect.DeepEqual(saved[0].Questions, want) {
		t.Errorf("stored interviews = %+v, %v", saved, err)
	}
}

func TestBudgetRepicksAnUntouchedPlan(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "Bo"})
	h.Keys("p")
	if n := len(planOnTop(t, h).plan.Items); n != questions.Fit(20*time.Minute)+questions.Extra {
		t.Errorf("20-minute plan has %d items", n)
	}
	h.Keys("b", "right", "enter") // 20 → 30
	p := planOnTop(t, h)
	if p.budget != 30*time.Minute || len(p.plan.Items) != questions.Fit(30*time.Minute)+questions.Extra {
		t.Errorf("after choosing 30: budget %v, %d items", p.budget, len(p.plan.Items))
	}
	h.Keys("b", "right", "enter", "type:5", "enter") // "other" offers 30; typing makes it 305
	if p := planOnTop(t, h); p.budget != 30*time.Minute || p.inputProblem == "" {
		t.Errorf("305 minutes accepted: %v %q", p.budget, p.inputProblem)
	}
	h.Keys("backspace", "backspace", "backspace", "type:25", "enter")
	if p := planOnTop(t, h); p.budget != 25*time.Minute || p.mode != planBrowse {
		t.Errorf("other budget: %v, mode %v", p.budget, p.mode)
	}
	// Once edited, the plan is the user's: a new budget leaves it alone.
	h.Keys("d")
	n := len(planOnTop(t, h).plan.Items)
	h.Keys("b", "left", "left", "left", "enter")
	if p := planOnTop(t, h); p.budget != 15*time.Minute || len(p.plan.Items) != n {
		t.Errorf("edited plan changed with the budget: %d items, want %d", len(p.plan.Items), n)
	}
}

func TestSaveLoadAndDefaultSet(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contact := contactWithPage(h, model.Contact{Name: "Cy"})
	h.Keys("p")
	for range planOnTop(t, h).plan.Items {
		h.Keys("d")
	}
	h.Keys("tab", "enter", "tab", "m")
	// A one-off was written for this person: the set leaves it out.
	h.Keys("o", "type:How did the payments team start?", "enter")
	h.Keys("S", "type:First chat with a PM", "enter")
	st, err := h.C.Store.QuestionBank()
	if err != nil {
		t.Fatal(err)
	}
	set, ok := st.Set("first chat with a pm")
	if !ok || len(set.Items) != 1 || !set.Items[0].MustAsk || set.Items[0].BankID == "" {
		t.Fatalf("saved set = %+v, %v", set, ok)
	}
	if v := h.Driver.View(); !strings.Contains(v, "without the 1 one-off") {
		t.Errorf("saving did not say the one-off was left out:\n%s", v)
	}
	// Load the balanced pick, then the set again, and make it the default.
	h.Keys("L", "enter")
	if n := len(planOnTop(t, h).plan.Items); n < 2 {
		t.Fatalf("balanced pick has %d items", n)
	}
	h.Keys("L", "down", "*", "enter")
	if p := planOnTop(t, h); len(p.plan.Items) != 1 || p.setName != "First chat with a PM" {
		t.Errorf("after loading the set: %+v", p.plan)
	}
	if st, _ := h.C.Store.QuestionBank(); st.DefaultSet != "First chat with a PM" {
		t.Errorf("default set = %q", st.DefaultSet)
	}
	// Leaving an edited plan asks first; then s on the contact page starts
	// from the default set.
	h.Keys("esc")
	if _, ok := h.Top().(confirm.ConfirmScreen); !ok {
		t.Fatalf("esc on an edited plan: top is %T, want a confirmation", h.Top())
	}
	h.Keys("y")
	if _, ok := h.Top().(contactpage.ContactPage); !ok {
		t.Fatalf("after leaving: top is %T", h.Top())
	}
	h.Keys("s")
	live, ok := h.Top().(live.InterviewScreen)
	if !ok {
		t.Fatalf("s: top is %T", h.Top())
	}
	want := []model.Question{{ID: 1, Text: set.Items[0].Text, MustAsk: true, BankID: set.Items[0].BankID}}
	if !reflect.DeepEqual(live.Interview.Questions, want) || live.Interview.ContactID != contact.ID {
		t.Errorf("s started with %+v", live.Interview.Questions)
	}
}

func TestStartWithoutPreparingUsesBalancedPick(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "Di"})
	h.Keys("s")
	live, ok := h.Top().(live.InterviewScreen)
	if !ok {
		t.Fatalf("s: top is %T", h.Top())
	}
	want := questions.Balanced(questions.Bank(questions.UserState{}), model.DefaultBudget).Questions()
	if !reflect.DeepEqual(live.Interview.Questions, want) {
		t.Errorf("s started with %+v", live.Interview.Questions)
	}
}

func TestPlanViewFitsSmallAndWideWindows(t *testing.T) {
	for _, size := range [][2]int{{60, 14}, {80, 22}, {130, 40}} {
		h := uitest.NewHarness(t, size[0], size[1])
		contactWithPage(h, model.Contact{Name: "Ed", Notes: strings.Repeat("Research note. ", 30)})
		h.Keys("p", "o", "type:Why?")
		v := h.View()
		if got := strings.Count(v, "\n") + 1; got > size[1] {
			t.Errorf("%dx%d: view is %d lines:\n%s", size[0], size[1], got, v)
		}
		for i, l := range strings.Split(v, "\n") {
			if w := common.CellWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", size[0], size[1], i, w, l)
			}
		}
		for _, s := range []string{"Plan", "Research", "Bank", "One-off"} {
			if !strings.Contains(v, s) {
				t.Errorf("%dx%d: view lacks %q:\n%s", size[0], size[1], s, v)
			}
		}
	}
}

func TestOneOffGoesWhereTheCursorIsAndMovesToEitherEnd(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "Gus"})
	h.Keys("p", "down", "down", "o", "type:Why payments, of all things?", "enter")
	p := planOnTop(t, h)
	if i := p.index("Why payments, of all things?"); i != 2 || p.cursor != 2 {
		t.Fatalf("one-off at %d (cursor %d), want 2: %v", i, p.cursor, p.plan.Texts())
	}
	h.Keys(">")
	if p := planOnTop(t, h); p.index("Why payments, of all things?") != len(p.plan.Items)-1 || p.cursor != len(p.plan.Items)-1 {
		t.Errorf("> left it at %d", p.index("Why payments, of all things?"))
	}
	h.Keys("<")
	if p := planOnTop(t, h); p.index("Why payments, of all things?") != 0 || p.cursor != 0 {
		t.Errorf("< left it at %d", p.index("Why payments, of all things?"))
	}
}

func TestOneOffFromTheReadyRowGoesBeforeTheClosing(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "Gus"})
	h.Keys("p")
	for range len(planOnTop(t, h).plan.Items) {
		h.Keys("down")
	}
	h.Keys("o", "type:Why payments, of all things?", "enter")
	p := planOnTop(t, h)
	closing := 0 // closing questions at the end of the plan, if any
	for _, it := range p.plan.Items {
		if strings.HasPrefix(it.BankID, "closing-") {
			closing++
		}
	}
	at := len(p.plan.Items) - 1 - closing
	if p.plan.Items[at].Text != "Why payments, of all things?" || p.cursor != at {
		t.Errorf("one-off at %d (cursor %d), want %d: %v", p.index("Why payments, of all things?"), p.cursor, at, p.plan.Texts())
	}
}

func TestMustAskBelowTheFitLineIsWarnedAndKeepsItsHighlight(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "Hal"})
	h.Keys("p")
	n := len(planOnTop(t, h).plan.Items)
	if n <= questions.Fit(planOnTop(t, h).budget) {
		t.Skip("the starting plan fits its budget: nothing below the line")
	}
	h.Keys(">", "m")
	if v := h.View(); !strings.Contains(v, "1 must-ask below the line") {
		t.Errorf("no warning:\n%s", v)
	}
	h.Keys("<")
	if v := h.View(); strings.Contains(v, "below the line") {
		t.Errorf("warning stays once it fits:\n%s", v)
	}
	// The selected row is one highlighted span: no reset after the "!".
	line := ""
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	colour := common.NewStyles(false)
	h.C.Styles = &colour
	for _, l := range strings.Split(h.View(), "\n") {
		if strings.Contains(l, "▸") && strings.Contains(l, "!") {
			line = l
		}
	}
	if line == "" || strings.Count(line, "\x1b[0m") != 1 {
		t.Errorf("selected must-ask row has %d resets: %q", strings.Count(line, "\x1b[0m"), line)
	}
}

func TestEscClearsAKeptFilterBeforeLeavingAndSaysWhatLeavingKeeps(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "Ivy"})
	h.Keys("p", "tab", "/", "type:week", "enter", "esc")
	p := planOnTop(t, h)
	if p.filter.Value() != "" {
		t.Fatalf("esc kept the filter %q", p.filter.Value())
	}
	h.Keys("tab", "d", "esc")
	if v := h.View(); !strings.Contains(v, "Leave without creating the interview?") {
		t.Errorf("leave prompt for a new interview:\n%s", v)
	}
}

func (p planScreen) index(text string) int {
	for i, it := range p.plan.Items {
		if it.Text == text {
			return i
		}
	}
	return -1
}

// Preparing for an interview already scheduled fills that interview, with
// the length asked for as the budget, instead of making a second one; and
// s then opens it rather than starting another.
func TestPrepareFillsTheScheduledInterview(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	c, err := h.C.Store.PutContact(model.Contact{Name: "Elena Rossi"})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(c.ID, nil, uitest.HarnessNow)
	sch := model.Schedule{At: uitest.HarnessNow.Add(72 * time.Hour), Mode: model.ModeVideo, Length: 15 * time.Minute}
	if _, err := h.C.Store.ScheduleInterview(iv, sch); err != nil {
		t.Fatal(err)
	}
	h.Open(contactpage.NewContactPage(h.C, c))
	h.Keys("p")
	if p, ok := h.Top().(planScreen); !ok || p.budget != 15*time.Minute {
		t.Fatalf("plan screen = %T with budget %v", h.Top(), h.Top().(planScreen).budget)
	}
	h.Keys("ctrl+s")
	ivs, _ := h.C.Store.Interviews(c.ID)
	if len(ivs) != 1 || len(ivs[0].Questions) == 0 || ivs[0].Budget != 15*time.Minute || ivs[0].Scheduled == nil {
		t.Fatalf("interviews = %+v", ivs)
	}
	h.Keys("esc") // leave the live screen, back to the page
	h.Keys("s")
	if live, ok := h.Top().(live.InterviewScreen); !ok || live.Interview.ID != ivs[0].ID {
		t.Errorf("s opened %T, want the prepared interview", h.Top())
	}
	if ivs, _ := h.C.Store.Interviews(c.ID); len(ivs) != 1 {
		t.Errorf("%d interviews, want 1", len(ivs))
	}
}

// While an interview is under way, p does not plan a second one beside it.
func TestPrepareWhileUnderwaySaysSo(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	c, err := h.C.Store.PutContact(model.Contact{Name: "Ben Okafor"})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(c.ID, []string{"How did you start?"}, uitest.HarnessNow)
	iv.Clock = iv.Clock.Start(uitest.HarnessNow)
	if _, err := h.C.Store.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	h.Open(contactpage.NewContactPage(h.C, c))
	h.Keys("p")
	if _, ok := h.Top().(planScreen); ok {
		t.Fatal("p opened a plan for a second interview")
	}
	if v := h.App.View(); !strings.Contains(v, "under way: s opens it") {
		t.Errorf("no word on why:\n%s", v)
	}
}

// contactWithPage saves a contact and opens their page.
func contactWithPage(h *uitest.Harness, c model.Contact) model.Contact {
	h.T.Helper()
	saved, err := h.C.Store.PutContact(c)
	if err != nil {
		h.T.Fatal(err)
	}
	h.Open(contactpage.NewContactPage(h.C, saved))
	return saved
}

// A scheduled interview's length and the prepared budget are one promise:
// What's next showed "20 min" after the plan's budget became 15.
func TestPreparingAScheduledInterviewKeepsItsLengthInStepAndSaysItStaysScheduled(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contact := contactWithPage(h, model.Contact{Name: "Jo"})
	iv, err := h.C.Store.ScheduleInterview(model.NewInterview(contact.ID, nil, uitest.HarnessNow),
		model.Schedule{At: uitest.HarnessNow.Add(24 * time.Hour), Mode: model.ModePhone, Length: 20 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	h.Send(common.OpenPlanMsg{Contact: contact, Interview: &iv})
	h.Keys("d", "esc")
	if v := h.View(); !strings.Contains(v, "stays scheduled") || strings.Contains(v, "not created") {
		t.Errorf("leave prompt for a scheduled interview:\n%s", v)
	}
	h.Keys("n", "b", "left", "left", "enter", "ctrl+s")
	got, err := h.C.Store.Interview(iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Budget != 15*time.Minute || got.Scheduled == nil || got.Scheduled.Budget() != 15*time.Minute {
		t.Errorf("budget %v, scheduled %+v", got.Budget, got.Scheduled)
	}
}

// p on a person whose interview is prepared but not started opens that
// interview's plan, one-off and all: a new user found the plan silently
// replaced by the default set, and a second ctrl+s wrote it over theirs.
func TestPrepareAgainEditsThePreparedPlan(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contact := contactWithPage(h, model.Contact{Name: "Lena Voss"})
	h.Keys("p", "o", "type:ONEOFF-LENA tunnel boring?", "enter", "m", "ctrl+s", "esc", "esc")
	if _, ok := h.Top().(contactpage.ContactPage); !ok {
		t.Fatalf("after leaving the live screen: top is %T\n%s", h.Top(), h.App.View())
	}
	prepared := uitest.MustInterviews(t, h.C.Store)
	if len(prepared) != 1 {
		t.Fatalf("%d interviews after ready, want 1", len(prepared))
	}
	h.Keys("p")
	p := planOnTop(t, h)
	if got := p.plan.Questions(); !reflect.DeepEqual(got, prepared[0].Questions) {
		t.Fatalf("p shows %v\nwant the prepared plan %v", p.plan.Texts(), questions.FromQuestions("", prepared[0].Questions).Texts())
	}
	if v := h.View(); !strings.Contains(v, "ONEOFF-LENA") {
		t.Errorf("the one-off is not on screen:\n%s", v)
	}
	if v := h.App.View(); !strings.Contains(v, "ready: save plan") {
		t.Errorf("the ready row speaks of creating an interview that exists:\n%s", v)
	}
	h.Keys("d", "esc")
	if v := h.View(); !strings.Contains(v, "keeps the questions it had") || strings.Contains(v, "scheduled") {
		t.Errorf("leave prompt for a prepared, unscheduled interview:\n%s", v)
	}
	// Unedited, esc leaves without asking; nothing was replaced.
	h.Keys("y", "p", "esc")
	if _, ok := h.Top().(contactpage.ContactPage); !ok {
		t.Fatalf("esc on an unedited plan: top is %T", h.Top())
	}
	// An edit saved is what the interview then has, and only that.
	h.Keys("p", "b", "right", "enter", "down", "d", "ctrl+s")
	ivs := uitest.MustInterviews(t, h.C.Store)
	if len(ivs) != 1 || ivs[0].ID != prepared[0].ID || ivs[0].ContactID != contact.ID {
		t.Fatalf("interviews = %+v", ivs)
	}
	want := questions.FromQuestions("", prepared[0].Questions).Remove(1).Questions()
	if !reflect.DeepEqual(ivs[0].Questions, want) || ivs[0].Budget != 30*time.Minute {
		t.Errorf("saved %v (budget %v)\nwant %v (30m)", questions.FromQuestions("", ivs[0].Questions).Texts(),
			ivs[0].Budget, questions.FromQuestions("", want).Texts())
	}
}

// A scheduled interview gets its plan when it is scheduled; p shows that
// plan, and after an edit is saved, p shows the edit.
func TestPrepareAScheduledInterviewShowsThePlanItHas(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contact := contactWithPage(h, model.Contact{Name: "José Ortega"})
	sch := model.Schedule{At: uitest.HarnessNow.Add(48 * time.Hour), Mode: model.ModeVideo, Length: 30 * time.Minute}
	h.Send(common.ScheduleInterview(h.C.Store, model.NewInterview(contact.ID, nil, uitest.HarnessNow), sch)())
	ivs := uitest.MustInterviews(t, h.C.Store)
	if len(ivs) != 1 || len(ivs[0].Questions) == 0 || ivs[0].Scheduled == nil {
		t.Fatalf("scheduling gave %+v", ivs)
	}
	scheduled := ivs[0]
	h.Keys("p")
	if p := planOnTop(t, h); !reflect.DeepEqual(p.plan.Questions(), scheduled.Questions) || p.budget != 30*time.Minute {
		t.Fatalf("p shows %v (%v)\nwant the scheduled plan %v", p.plan.Texts(), p.budget,
			questions.FromQuestions("", scheduled.Questions).Texts())
	}
	h.Keys("o", "type:Why tunnels?", "enter", "ctrl+s", "esc", "esc", "p")
	p := planOnTop(t, h)
	stored, err := h.C.Store.Interview(scheduled.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.index("Why tunnels?") < 0 || !reflect.DeepEqual(p.plan.Questions(), stored.Questions) || stored.Scheduled == nil {
		t.Errorf("p shows %v\nstored %v (scheduled %v)", p.plan.Texts(), questions.FromQuestions("", stored.Questions).Texts(), stored.Scheduled)
	}
}

// A plan left with ctrl+c is kept as a set; p for that person says where.
func TestPrepareAgainSaysWhereTheUnfinishedPlanIs(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	contactWithPage(h, model.Contact{Name: "José Ortega"})
	h.Keys("p", "o", "type:How did the tunnel start?")
	if err := planOnTop(t, h).Flush(h.C.Store); err != nil { // what ctrl+c does
		t.Fatal(err)
	}
	h.Keys("esc", "esc")
	if _, ok := h.Top().(contactpage.ContactPage); !ok {
		t.Fatalf("top is %T, want the contact page", h.Top())
	}
	h.Keys("p")
	if v := h.App.View(); !strings.Contains(v, "Your unfinished plan for José Ortega is in L") {
		t.Errorf("no word of the unfinished plan:\n%s", v)
	}
	// Another José is not told of it.
	other := uitest.NewHarness(t, 80, 22)
	st, err := questions.UserState{}.SaveSet(questions.Plan{Name: "Unfinished plan for José Ortega (20 min)",
		Items: []questions.Item{{Text: "How did the tunnel start?"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.C.Store.PutQuestionBank(st); err != nil {
		t.Fatal(err)
	}
	contactWithPage(other, model.Contact{Name: "José"})
	other.Keys("p")
	if v := other.App.View(); strings.Contains(v, "unfinished plan") {
		t.Errorf("José is told of José Ortega's plan:\n%s", v)
	}
}
