package compose

import (
	"bytes"
	"encoding/base64"
	"os"
	"parley/ui/common"
	"parley/ui/components/outbox"
	"parley/ui/screens/profile"
	"parley/ui/uitest"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
)

func fullProfile() model.Profile {
	return model.Profile{Name: "Sam Lee", Intro: "I am a geography student.", Exploring: "urban planning", Contact: "sam@example.org"}
}

func putContact(t *testing.T, c *common.Common, ct model.Contact) model.Contact {
	t.Helper()
	ct.Created, ct.Updated = uitest.ComposeNow, uitest.ComposeNow
	saved, err := c.Store.PutContact(ct)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// OpenCompose pushes the compose screen and delivers its first load.
func openComposeLoaded(t *testing.T, c *common.Common, ct model.Contact) (composeScreen, tea.Cmd) {
	t.Helper()
	s := NewComposeScreen(c, ct).SetSize(80, 40).(composeScreen)
	sc, cmd := s.Update(s.Load()())
	return sc.(composeScreen), cmd
}

func key1(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func send(t *testing.T, s composeScreen, keys ...string) (composeScreen, tea.Cmd) {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys {
		var sc common.Screen
		sc, cmd = s.Update(key1(k))
		s = sc.(composeScreen)
	}
	return s, cmd
}

func TestComposeAsksForTheProfileFirst(t *testing.T) {
	c := uitest.TestCommon(t)
	ct := putContact(t, c, model.Contact{Name: "Ana Ruiz"})
	_, cmd := openComposeLoaded(t, c, ct)
	if cmd == nil {
		t.Fatal("no command: the profile form was not opened")
	}
	p, ok := cmd().(common.OpenProfileMsg)
	if !ok {
		t.Fatalf("got %T, want the profile form opened", cmd())
	}
	s, _ := profile.OpenProfileForm(c, p)
	form, ok := s.(profile.ProfileForm)
	if !ok || !form.First {
		t.Fatalf("opened %T, want the first-time profile form", s)
	}
	if v := form.SetSize(80, 20).View(); !strings.Contains(v, "Before your first message") {
		t.Errorf("form view:\n%s", v)
	}

	// Once given, it is not asked again.
	if _, err := c.Store.PutProfile(fullProfile()); err != nil {
		t.Fatal(err)
	}
	if _, cmd := openComposeLoaded(t, c, ct); cmd != nil {
		t.Errorf("profile asked again: %T", cmd())
	}
}

func TestDraftShowsMissingOrganisation(t *testing.T) {
	c := uitest.TestCommon(t)
	if _, err := c.Store.PutProfile(fullProfile()); err != nil {
		t.Fatal(err)
	}
	ct := putContact(t, c, model.Contact{Name: "Ana Ruiz", Role: "Planner", Field: "planning", FoundVia: "the alumni list"})
	s, _ := openComposeLoaded(t, c, ct)
	if s.tmpl.ID != "" || s.phase != composePick || s.data.Templates[s.cursor].ID != "request-email" {
		t.Fatalf("phase %d, cursor on %q; want the request suggested", s.phase, s.data.Templates[s.cursor].ID)
	}
	s, _ = send(t, s, "enter")
	v := ansi.Strip(s.View())
	for _, want := range []string{"at [contact's organisation?].", "! 1 gap to fill: contact's organisation."} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "{{") {
		t.Errorf("raw placeholder in the draft:\n%s", v)
	}
}

func TestMarkSentLogsExactTextAndMovesStage(t *testing.T) {
	c := uitest.TestCommon(t)
	if _, err := c.Store.PutProfile(fullProfile()); err != nil {
		t.Fatal(err)
	}
	ct := putContact(t, c, model.Contact{Name: "Ana Ruiz", Role: "Planner", Organisation: "City", Field: "planning",
		FoundVia: "the alumni list", Stage: model.ToContact})
	s, _ := openComposeLoaded(t, c, ct)
	s, _ = send(t, s, "enter", "e")
	s.area.InsertString("P.S. ")
	s, _ = send(t, s, "esc")
	if !s.edited || !strings.Contains(s.draft.Text, "P.S. ") {
		t.Fatalf("edit not kept: %q", s.draft.Text)
	}
	want := s.draft.LogText()
	s, cmd := send(t, s, "s", "j", "enter") // phone, the second channel
	if cmd == nil {
		t.Fatal("mark sent made no command")
	}
	msg, ok := cmd().(common.MessageLoggedMsg)
	if !ok || msg.Err != nil {
		t.Fatalf("got %#v", msg)
	}
	tl, err := c.Store.Interactions(ct.ID)
	if err != nil || len(tl) != 1 {
		t.Fatalf("timeline = %+v, %v", tl, err)
	}
	it := tl[0]
	if it.Text != want || it.Channel != "phone" || it.Kind != model.KindRequest || !it.At.Equal(uitest.ComposeNow) {
		t.Errorf("logged %+v\nwant text %q", it, want)
	}
	got, _ := c.Store.Contact(ct.ID)
	if got.Stage != model.RequestSent || msg.Contact.Stage != model.RequestSent {
		t.Errorf("stage = %q, want request sent", got.Stage)
	}
}

func TestNoReplySuggestsReminder(t *testing.T) {
	c := uitest.TestCommon(t)
	if _, err := c.Store.PutProfile(fullProfile()); err != nil {
		t.Fatal(err)
	}
	ct := putContact(t, c, model.Contact{Name: "Ana Ruiz", Stage: model.RequestSent})
	req := model.Interaction{ContactID: ct.ID, Kind: model.KindRequest, At: uitest.ComposeNow.AddDate(0, 0, -9), Text: "hi"}
	if _, err := c.Store.AddInteraction(req, true); err != nil {
		t.Fatal(err)
	}
	s, _ := openComposeLoaded(t, c, ct)
	if id := s.data.Templates[s.cursor].ID; id != "reminder" {
		t.Errorf("suggested %q, want the reminder", id)
	}
	if v := ansi.Strip(s.View()); !strings.Contains(v, "No reply to your request of 1 Nov (9 days)") {
		t.Errorf("view:\n%s", v)
	}
	if _, cmd := send(t, s, "x"); cmd == nil {
		t.Error("x offered nothing")
	} else if p, ok := cmd().(common.PushMsg); !ok {
		t.Errorf("x gave %T, want a confirmation", p)
	}
}

func TestCopyWritesOSC52(t *testing.T) {
	var out bytes.Buffer
	msg := outbox.CopyCmd(&out, "Dear Ana,\nthanks", "the message", func(string) string { return "" })().(outbox.CopiedMsg)
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("Dear Ana,\nthanks")) + "\a"
	if msg.Err != nil || out.String() != want {
		t.Errorf("wrote %q (%v), want %q", out.String(), msg.Err, want)
	}
	// Inside tmux the copy goes through tmux itself: see the outbox tests.
	if m := outbox.CopyCmd(nil, "hi", "x", func(string) string { return "" })().(outbox.CopiedMsg); m.Err != outbox.ErrNoClipboard {
		t.Errorf("without a terminal: %v", m.Err)
	}
}

func TestCopyNoticeInsideTmuxSaysWhatToChange(t *testing.T) {
	got := copyNotice(outbox.CopiedMsg{What: "the message", Tmux: outbox.TmuxClipboard}, false)
	if !strings.Contains(got, "through tmux") || !strings.Contains(got, "set -g set-clipboard on") {
		t.Errorf("clipboard notice %q", got)
	}
	got = copyNotice(outbox.CopiedMsg{What: "the message", Tmux: outbox.TmuxBufferOnly}, false)
	if !strings.Contains(got, "paste buffer") || !strings.Contains(got, "set -g allow-passthrough on") {
		t.Errorf("buffer-only notice %q", got)
	}
}

func TestCopyKeyGoesThroughTheTerminal(t *testing.T) {
	c := uitest.TestCommon(t)
	var out bytes.Buffer
	c.Term = &out
	if _, err := c.Store.PutProfile(fullProfile()); err != nil {
		t.Fatal(err)
	}
	ct := putContact(t, c, model.Contact{Name: "Ana Ruiz"})
	s, _ := openComposeLoaded(t, c, ct)
	s, cmd := send(t, s, "enter", "c")
	sc, _ := s.Update(cmd())
	want := outbox.OSC52(s.draft.Text)
	if out.String() != want {
		t.Errorf("terminal got %q, want %q", out.String(), want)
	}
	if v := ansi.Strip(sc.View()); !strings.Contains(v, "OSC 52") {
		t.Errorf("no copy notice:\n%s", v)
	}
}

func TestSaveDraftIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	msg := outbox.SaveDraftCmd(dir, "parley-ana.txt", "Dear Ana")().(outbox.DraftSavedMsg)
	if msg.Err != nil {
		t.Fatal(msg.Err)
	}
	fi, err := os.Stat(msg.Path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v, %v", fi.Mode(), err)
	}
	di, _ := os.Stat(dir)
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", di.Mode())
	}
	// Saving again over a loose file tightens it.
	os.Chmod(msg.Path, 0o644)
	outbox.SaveDraftCmd(dir, "parley-ana.txt", "Dear Ana, again")()
	fi, _ = os.Stat(msg.Path)
	data, _ := os.ReadFile(msg.Path)
	if fi.Mode().Perm() != 0o600 || string(data) != "Dear Ana, again" {
		t.Errorf("resave: mode %v, %q", fi.Mode(), data)
	}
}

func TestSplitSubject(t *testing.T) {
	d := model.Draft{Subject: "Thank you", Text: "Dear Ana,\n\nThanks.\n"}
	if s, b := splitSubject(d.LogText()); s != d.Subject || b != d.Text {
		t.Errorf("round trip: %q / %q", s, b)
	}
	if s, b := splitSubject("Hello\nthere"); s != "" || b != "Hello\nthere" {
		t.Errorf("no subject: %q / %q", s, b)
	}
}

// A draft edited in place and not sent survives ctrl+c: the exit flush
// keeps it in the drafts folder.
func TestUnsentEditedDraftIsKeptOnExit(t *testing.T) {
	c := uitest.TestCommon(t)
	if _, err := c.Store.PutProfile(fullProfile()); err != nil {
		t.Fatal(err)
	}
	ct := putContact(t, c, model.Contact{Name: "Ana Ruiz", Organisation: "City Council"})
	s, _ := openComposeLoaded(t, c, ct)
	s, _ = send(t, s, "enter", "e", "P.S. typed just now")
	if err := s.Flush(c.Store); err != nil {
		t.Fatal(err)
	}
	dir := outbox.DraftsDir(c.Store.Path())
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("drafts = %v, %v", files, err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, files[0].Name()))
	if !strings.Contains(string(data), "P.S. typed just now") {
		t.Errorf("draft file lacks the edit:\n%s", data)
	}
	// An untouched draft is not written.
	os.RemoveAll(dir)
	s2, _ := openComposeLoaded(t, c, ct)
	s2, _ = send(t, s2, "enter")
	if err := s2.Flush(c.Store); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("an untouched draft was written: %v", err)
	}
}
