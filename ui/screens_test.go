package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

func loadedList(t *testing.T) contactList {
	t.Helper()
	l := newContactList(fixtureCommon(t))
	l.setNotebook(fixtureNotebook())
	return l.setSize(120, 40).(contactList)
}

func names(l contactList) []string {
	var out []string
	for _, p := range l.hits {
		out = append(out, l.contacts[p].Name)
	}
	return out
}

func typeText(s screen, text string) screen {
	for _, r := range text {
		s, _ = s.Update(keyRunes(string(r)))
	}
	return s
}

func TestListFilter(t *testing.T) {
	var s screen = loadedList(t)
	s, _ = s.Update(keyRunes("/"))
	if !s.capturing() {
		t.Fatal("/ does not focus the filter")
	}
	s = typeText(s, "org:city")
	if got := names(s.(contactList)); strings.Join(got, ",") != "Ana Ruiz,José Brown" {
		t.Errorf("org:city = %v", got)
	}
	if !strings.Contains(s.view(), "2 of 10") {
		t.Error("the header does not say how many match")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if s.capturing() || len(s.(contactList).hits) != 2 {
		t.Error("enter should keep the filter and leave the box")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if len(s.(contactList).hits) != 10 {
		t.Error("esc should clear the filter")
	}
}

func TestListSort(t *testing.T) {
	var s screen = loadedList(t)
	s, _ = s.Update(keyRunes("s")) // by stage
	if got := names(s.(contactList)); got[0] != "Dana Smith" || got[len(got)-1] != "José Brown" {
		t.Errorf("by stage: %v", got)
	}
	s, _ = s.Update(keyRunes("s")) // by next date
	if got := names(s.(contactList)); got[0] != "Chidi Okafor" {
		t.Errorf("by next date, the overdue follow-up should lead: %v", got)
	}
}

func TestListDeleteAndUndo(t *testing.T) {
	var s screen = loadedList(t)
	s, cmd := s.Update(keyRunes("d"))
	if cmd == nil {
		t.Fatal("d does not ask")
	}
	confirm := cmd().(pushMsg).s
	_, yes := confirm.Update(keyRunes("y"))
	var mark tea.Msg
	for _, c := range cmdsOf(yes()) {
		if m, ok := c().(markDeletedMsg); ok {
			mark = m
		}
	}
	s, _ = s.Update(mark)
	if got := names(s.(contactList)); len(got) != 9 || got[0] == "Ana Ruiz" {
		t.Fatalf("after delete: %v", got)
	}
	s, _ = s.Update(keyRunes("u"))
	if got := names(s.(contactList)); len(got) != 10 || got[0] != "Ana Ruiz" {
		t.Fatalf("after undo: %v", got)
	}
}

func TestFormFlagsFieldsAndConfirmsEsc(t *testing.T) {
	var s screen = newContactForm(fixtureCommon(t), model.Contact{}).setSize(80, 24)
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if !strings.Contains(s.view(), "A contact needs a name.") {
		t.Error("saving without a name is not flagged at the field")
	}
	s = typeText(s, "Ana")
	for range 5 { // to Email
		s, _ = s.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	s = typeText(s, "ana-at-example")
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyTab})
	if !strings.Contains(s.view(), "doesn't look like an email") {
		t.Error("a bad email is not flagged once the user leaves the field")
	}
	_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if cmd == nil {
		t.Fatal("esc on a changed form does nothing")
	}
	if _, ok := cmd().(pushMsg); !ok {
		t.Error("esc on a changed form should ask first")
	}
}

// storeCommon is testCommon with a real notebook in a temporary file.
func storeCommon(t *testing.T) (*common, *store.Store, model.Contact) {
	t.Helper()
	cm, s, _ := newTestCommonAt(t, testNow)
	c, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.ToContact, Created: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return cm, s, c
}

// submit saves a form with ctrl+s and runs what it returns, collecting
// the messages.
func submit(t *testing.T, s screen) []tea.Msg {
	t.Helper()
	_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if cmd == nil {
		t.Fatal("ctrl+s did nothing")
	}
	var out []tea.Msg
	for _, c := range cmdsOf(cmd()) {
		if c != nil {
			out = append(out, c())
		}
	}
	return out
}

func stageOf(t *testing.T, s *store.Store, id uint64) model.Stage {
	c, err := s.Contact(id)
	if err != nil {
		t.Fatal(err)
	}
	return c.CurrentStage()
}

func TestLogFormMovesTheStage(t *testing.T) {
	cm, st, c := storeCommon(t)
	msgs := submit(t, newLogForm(cm, c, model.KindRequest))
	if stageOf(t, st, c.ID) != model.RequestSent {
		t.Fatalf("after logging a request: %s (%v)", stageOf(t, st, c.ID), msgs)
	}
	its, _ := st.Interactions(c.ID)
	if len(its) != 1 || !its[0].At.Equal(testNow.Truncate(time.Minute)) {
		t.Errorf("timeline = %+v", its)
	}
}

func TestScheduleFormMovesTheStage(t *testing.T) {
	cm, st, c := storeCommon(t)
	var f screen = newScheduleForm(cm, c, model.Interview{})
	for range 3 { // to Minutes
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyRight}) // 20 → 30
	submit(t, f)
	if stageOf(t, st, c.ID) != model.Scheduled {
		t.Fatalf("after scheduling: %s", stageOf(t, st, c.ID))
	}
	ivs, _ := st.Interviews(c.ID)
	if len(ivs) != 1 || ivs[0].Budget != 30*time.Minute || ivs[0].Scheduled.Mode != model.ModeVideo {
		t.Errorf("interview = %+v", ivs)
	}
}

func TestScheduleFormRejectsABadDate(t *testing.T) {
	cm, _, c := storeCommon(t)
	var f screen = newScheduleForm(cm, c, model.Interview{}).setSize(80, 24)
	for range 20 {
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	f = typeText(f, "next tuesday")
	f, cmd := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if cmd != nil || !strings.Contains(f.view(), "2025-03-14 15:30") {
		t.Error("a date that cannot be read should be flagged, not saved")
	}
}

func TestHomeEnterGoesWhereToAct(t *testing.T) {
	a := sizedApp(t, 80, 24, fixtureNotebook())
	a = appSend(t, a, tea.KeyMsg{Type: tea.KeyDown})
	a = appSend(t, a, tea.KeyMsg{Type: tea.KeyDown}) // the overdue thank-you
	a = appSend(t, a, tea.KeyMsg{Type: tea.KeyEnter})
	if _, ok := a.top().(logForm); !ok || len(a.stack) != 3 {
		t.Fatalf("enter on a thank-you due opens %T over %d screens", a.top(), len(a.stack))
	}
	if !strings.Contains(a.View(), "thank-you") || !strings.Contains(a.View(), "Grace Nguyen") {
		t.Error("the log form is not set for Grace's thank-you")
	}
}

func TestReferralTree(t *testing.T) {
	nb := fixtureNotebook()
	nb.contacts = append(nb.contacts, model.Contact{ID: 11, Name: "Kofi Brown", ReferredBy: 4})
	p := newContactPage(fixtureCommon(t), nb.contacts[0])
	p.setLoaded(contactPageLoadedMsg{contact: nb.contacts[0], contacts: nb.contacts})
	tree := p.referralTree()
	if len(tree) != 3 || tree[0].id != 1 || tree[1].id != 4 || tree[1].depth != 1 || tree[2].id != 11 || tree[2].depth != 2 {
		t.Fatalf("tree from Ana = %+v", tree)
	}
	if it, ok := p.current(); !ok || it.contactID != 4 {
		t.Errorf("the cursor should start on Dana, whom Ana referred: %+v", it)
	}
	p = p.setSize(80, 24).(contactPage)
	if !strings.Contains(p.view(), "└ Dana Smith") {
		t.Errorf("tree not drawn:\n%s", p.view())
	}
}

// cmdsOf unpacks the message of tea.Sequence or tea.Batch into its
// commands (Sequence's type is unexported: a slice of commands).
func cmdsOf(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}
