package exchange_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/demo"
	"parley/exchange"
	"parley/model"
	"parley/questions"
	"parley/store"
	"parley/ui/safetext"
)

var t0 = time.Date(2026, 3, 2, 14, 0, 0, 0, time.FixedZone("UTC+9", 9*3600))

func openTemp(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func export(t testing.TB, s *store.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := exchange.NewWriter(&buf)
	if err := s.Walk(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importInto(t testing.TB, s *store.Store, doc []byte) exchange.Plan {
	t.Helper()
	d, err := exchange.ReadJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := exchange.ReadExisting(s)
	if err != nil {
		t.Fatal(err)
	}
	plan := exchange.PlanImport(ex, d)
	if err := s.ApplyImport(plan.Batch); err != nil {
		t.Fatal(err)
	}
	return plan
}

// richNotebook is the demo's people plus one of every other kind of
// record: a profile, changed rules, an own and an edited built-in
// template, own and hidden questions, saved sets and a default set, an
// interview with every field set, a referral, hostile text.
func richNotebook(t testing.TB) *store.Store {
	t.Helper()
	s := openTemp(t)
	if _, err := demo.Fill(s, 40, 7, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutProfile(model.Profile{Name: "Kim", Intro: "a student", Exploring: "policy", Contact: "kim@example.org"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSettings(model.Settings{ThankYouDays: 2, NoReplyDays: 10, KeepInTouchDays: 30}); err != nil {
		t.Fatal(err)
	}
	builtin := model.BuiltInTemplates()[0]
	builtin.Body += "\nP.S. edited"
	for _, d := range []model.TemplateDoc{builtin, {Name: "Mine", Subject: "Hi", Body: "Hello {{contact.name}}"}} {
		if _, err := s.PutTemplate(d); err != nil {
			t.Fatal(err)
		}
	}
	hidden := questions.BuiltIns()[0].ID
	err := s.PutQuestionBank(questions.UserState{
		Own:        []questions.Question{{ID: "u-1", Text: "My own question?", Theme: questions.BuiltIns()[0].Theme, Kind: questions.BuiltIns()[0].Kind, Tags: []string{"mine"}}},
		Overrides:  map[string]questions.Override{hidden: {Hidden: true}},
		LastOwnID:  1,
		Sets:       []questions.Plan{{Name: "short", Items: []questions.Item{{BankID: "u-1", Text: "My own question?", MustAsk: true}}}},
		DefaultSet: "short",
	})
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Join(safetext.Payloads(), " ")
	c, err := s.PutContact(model.Contact{Name: "Zoë " + safetext.Line(hostile), Organisation: "X", Notes: hostile, Created: t0, Updated: t0})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(c.ID, []string{"First?", "Second?"}, t0)
	iv.Scheduled = &model.Schedule{At: t0, Mode: model.ModeVideo, Place: "https://meet.example.org/x", Length: 25 * time.Minute}
	iv.Clock = iv.Clock.Start(t0).Pause(t0.Add(90*time.Second + 500*time.Millisecond))
	iv.ToggleAsked(0, t0.Add(30*time.Second))
	iv.Questions[1].Skipped, iv.Questions[0].Starred, iv.Questions[0].BankID = true, true, hidden
	iv.Notes = []model.Note{{At: 42 * time.Second, QuestionID: 1, Text: hostile, Starred: true}}
	iv.WrapUp = model.WrapUp{Length: 31 * time.Minute, Takeaways: "Learn SQL", ThankYouDue: model.DueDate(t0, 3),
		Referrals: []model.Referral{{Name: "Bo", Note: "their boss", MayUseName: true, ContactID: 1}}}
	iv.Rev = 4
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindNote, At: t0, Channel: "email", Text: hostile}, false); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExportImportExportIsTheSameBytes(t *testing.T) {
	first := export(t, richNotebook(t))
	restored := openTemp(t)
	importInto(t, restored, first)
	second := export(t, restored)
	if !bytes.Equal(first, second) {
		t.Fatalf("export → import → export differs:\n%s", firstDifference(first, second))
	}
	if again := export(t, restored); !bytes.Equal(again, second) {
		t.Error("two exports of one notebook differ")
	}
}

func firstDifference(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + string(rune('0'+i%10)) + ":\n" + al[i] + "\n" + bl[i]
		}
	}
	return "lengths differ"
}

func TestExportIsCompleteAndReadable(t *testing.T) {
	doc := string(export(t, richNotebook(t)))
	for _, want := range []string{`"format": "parley-notebook"`, `"version": 2`, `"name": "Kim"`, `"thank_you_days": 2`,
		`P.S. edited`, `"name": "Mine"`, `"default_set": "short"`, `"hidden": true`, `"budget": "20m"`,
		`"length": "25m"`, `"accumulated": "1m30.5s"`, `"asked_at": "1m30.5s"`, `"thank_you_due": "2026-03-05"`,
		`"takeaways": "Learn SQL"`, `"timeline": [`} {
		if !strings.Contains(doc, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	var parsed map[string]any
	if err := json.Unmarshal([]byte(doc), &parsed); err != nil {
		t.Fatal(err)
	}
}

func TestExportOfEmptyNotebookIsValidJSON(t *testing.T) {
	doc := export(t, openTemp(t))
	var parsed struct {
		Contacts []any `json:"contacts"`
		Timeline []any `json:"timeline"`
	}
	if err := json.Unmarshal(doc, &parsed); err != nil || parsed.Contacts == nil || parsed.Timeline == nil {
		t.Fatalf("%v: %s", err, doc)
	}
}

func TestExportEscapesInvisibleCharacters(t *testing.T) {
	s := openTemp(t)
	name := "A\x7f\u009b2J\u009d0;x\u202eB\u2066\u200b\u200e\u061c\u00ad\x1b[2J 👩‍💻 🇯🇵 日本"
	if _, err := s.PutContact(model.Contact{Name: name}); err != nil {
		t.Fatal(err)
	}
	out := string(export(t, s))
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e || r == 0x200b || r == 0x2066) {
			t.Errorf("export holds %U raw", r)
		}
	}
	if !strings.Contains(out, `\u009b2J`) || !strings.Contains(out, "🇯🇵 日本") {
		t.Errorf("export = %s", out)
	}
	d, err := exchange.ReadJSON(strings.NewReader(out))
	if err != nil || d.Contacts[0].Name != name {
		t.Errorf("round trip: %v, %q", err, d.Contacts[0].Name)
	}
}

func TestImportReportsEveryProblemWithItsLineAndWritesNothing(t *testing.T) {
	doc := `{
  "format": "parley-notebook",
  "version": 2,
  "contacts": [
    {"id": 1, "name": "Ana", "email": "not an email"},
    {"id": 1, "name": "Bo"},
    {"id": 3, "name": 7}
  ],
  "interviews": [
    {"id": 1, "contact_id": 9, "budget": "twenty", "created": "2026-01-01T00:00:00Z", "rev": 1, "clock": {"accumulated": "0s"}}
  ],
  "timeline": [
    {"id": 1, "contact_id": 1, "kind": "shout", "at": "2026-01-01T00:00:00Z"}
  ]
}`
	_, err := exchange.ReadJSON(strings.NewReader(doc))
	var ps exchange.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v", err)
	}
	msg := strings.Join(ps.Lines(), "\n")
	for _, want := range []string{"line 7, contacts[2].name", `line 10, interviews[0]: "twenty" is not a length of time`} {
		if !strings.Contains(msg, want) {
			t.Errorf("problems lack %q:\n%s", want, msg)
		}
	}
	// Type errors stop the check of references; fix them and the rest show.
	doc = strings.Replace(strings.Replace(doc, `"name": 7`, `"name": "Cy"`, 1), `"twenty"`, `"20m"`, 1)
	_, err = exchange.ReadJSON(strings.NewReader(doc))
	errors.As(err, &ps)
	msg = strings.Join(ps.Lines(), "\n")
	for _, want := range []string{"line 5, contacts[0]: That doesn't look like an email", "line 6, contacts[1].id: 1 is used twice",
		"line 10, interviews[0].contact_id: names contact 9", "line 13, timeline[0]: Unknown kind"} {
		if !strings.Contains(msg, want) {
			t.Errorf("problems lack %q:\n%s", want, msg)
		}
	}
}

func TestImportRefusesWhatIsNotAnExport(t *testing.T) {
	for doc, want := range map[string]string{
		``:                "ends in the middle",
		`[1]`:             "does not start with {",
		`{"format": "x"}`: "not a Parley export",
		`{"format": "parley-notebook", "version": 9}`:                            "reads version 2",
		`{"format": "parley-notebook", "version": 2,`:                            "ends in the middle",
		"{\n\"format\": \"parley-notebook\",\n\"version\": 2,\n\"contacts\": [}": "line 4",
		`{"format": "parley-notebook", "version": 2, "extra": 1}`:                "extra: is not part",
	} {
		_, err := exchange.ReadJSON(strings.NewReader(doc))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", doc, err, want)
		}
	}
}

func TestMergeMatchesKeepsNewerAndImportingTwiceChangesNothing(t *testing.T) {
	// Two notebooks that share a contact under different IDs.
	a, b := openTemp(t), openTemp(t)
	if _, err := a.PutContact(model.Contact{Name: "Only In A", Created: t0, Updated: t0}); err != nil {
		t.Fatal(err)
	}
	old, _ := a.PutContact(model.Contact{Name: "Ana Ruiz", Email: "ana@example.org", Role: "old role", Created: t0, Updated: t0})
	newer, _ := b.PutContact(model.Contact{Name: "Ana R.", Email: "ANA@example.org", Role: "new role", Created: t0, Updated: t0.Add(time.Hour)})
	b.PutContact(model.Contact{Name: "Bo", Organisation: "Acme", Created: t0, Updated: t0})
	b.AddInteraction(model.Interaction{ContactID: newer.ID, Kind: model.KindRequest, At: t0}, false)
	plan := importInto(t, a, export(t, b))
	if len(plan.Batch.Contacts) != 2 || len(plan.Conflicts) != 1 {
		t.Errorf("plan = %+v", plan)
	}
	got, err := a.Contact(old.ID)
	if err != nil || got.Role != "new role" {
		t.Errorf("Ana = %+v, %v: the newer change should win", got, err)
	}
	before := export(t, a)
	again := importInto(t, a, export(t, b))
	if again.Changes() {
		t.Errorf("second import plans %+v", again.Batch)
	}
	if after := export(t, a); !bytes.Equal(before, after) {
		t.Error("importing the same file twice changed the notebook")
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"format": "parley-notebook", "version": 2, "profile": {"name": "K"}, "templates": [{"id": "u-1", "name": "T", "body": "b"}], "contacts": [{"id": 1, "name": "A", "email": "a@b.org"}, {"id": 2, "name": "B", "referred_by": 1}], "interviews": [{"id": 1, "contact_id": 1, "created": "2026-01-01T00:00:00Z", "rev": 1, "budget": "20m", "clock": {"accumulated": "1m30.5s"}, "notes": [{"at": "42s", "text": "x"}], "wrap_up": {"thank_you_due": "2026-01-08"}}], "timeline": [{"id": 1, "contact_id": 2, "kind": "note", "at": "2026-01-01T00:00:00Z", "text": "n"}]}`))
	f.Add([]byte(`{"format": "parley-notebook", "version": 2, "contacts": [{"id": 1, "name": "A"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := exchange.ReadJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, c := range doc.Contacts {
			if msg := c.Validate(); msg != "" || c.ID == 0 {
				t.Fatalf("accepted an invalid contact %+v: %s", c, msg)
			}
		}
		for _, it := range doc.Interactions {
			if msg := it.Validate(); msg != "" {
				t.Fatalf("accepted an invalid timeline entry %+v: %s", it, msg)
			}
		}
	})
}
