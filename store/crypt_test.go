package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/demo"
	"parley/exchange"
	"parley/model"
	"parley/questions"
	"parley/store"
	"parley/store/storetest"
)

// cheapKDF keeps the tests fast; the cost of the real one is measured in
// BenchmarkUnlock.
var cheapKDF = store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

var cryptNow = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// secret makes a marker string that can only be in the file if the text it
// stands for is.
func secret(what string) string { return "Zq" + what + "Xv" }

// richNotebook is a notebook with demo records and one of every kind of
// record the store keeps, each holding a marker (see secret); it returns
// the markers.
func richNotebook(t *testing.T, path string) []string {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Fill(s, 30, 7, cryptNow); err != nil {
		t.Fatal(err)
	}
	return addEveryKind(t, s, "")
}

// addEveryKind adds one record of each kind to s, marked with tag.
func addEveryKind(t *testing.T, s *store.Store, tag string) []string {
	t.Helper()
	m := func(what string) string { return secret(what + tag) }
	c, err := s.PutContact(model.Contact{Name: m("name"), Organisation: m("org"), Role: m("role"),
		Email: m("mail") + "@example.org", Phone: "+44 20 " + m("phone"), Notes: m("research"), Tags: []string{m("tag")},
		Location: m("place"), Created: cryptNow, Updated: cryptNow})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(c.ID, []string{m("question")}, cryptNow)
	iv.Notes = []model.Note{{Text: m("note")}}
	iv.WrapUp.Takeaways = m("takeaway")
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindRequest, At: cryptNow,
		Channel: m("channel"), Text: m("message")}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutTemplate(model.TemplateDoc{Name: m("template"), Body: m("body"),
		Purpose: model.PurposeRequest}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutQuestionBank(questions.UserState{Own: []questions.Question{{ID: "u-1", Text: m("own")}},
		LastOwnID: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutProfile(model.Profile{Name: m("me"), Intro: m("intro")}); err != nil {
		t.Fatal(err)
	}
	return []string{m("name"), m("org"), m("role"), m("mail"), m("phone"), m("research"), m("tag"), m("place"),
		m("question"), m("note"), m("takeaway"), m("channel"), m("message"), m("template"), m("body"),
		m("own"), m("me"), m("intro")}
}

// plainTexts are the demo contacts' names and organisations as the
// notebook at path holds them.
func plainTexts(t *testing.T, path string) []string {
	t.Helper()
	s, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	nb, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range nb.Contacts {
		out = append(out, c.Name)
	}
	for _, it := range nb.Interactions {
		if len(it.Text) > 20 {
			out = append(out, it.Text[:20])
		}
	}
	return out
}

// assertAbsent fails for each of texts found in the raw file at path.
func assertAbsent(t *testing.T, path string, texts []string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the file holds %q", s)
		}
	}
}

func assertPresent(t *testing.T, path string, texts []string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		if !bytes.Contains(raw, []byte(s)) {
			t.Errorf("the plain file lacks %q: the scan would prove nothing", s)
		}
	}
}

func openWith(t *testing.T, path, passphrase string) *store.Store {
	t.Helper()
	// One fixed clock: notebooks changed the same way at different
	// moments compare equal.
	fixed := func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }
	s, err := store.Open(path, store.WithPassphrase([]byte(passphrase)), store.WithClock(fixed))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func exportOf(t *testing.T, s *store.Store) string {
	t.Helper()
	var buf bytes.Buffer
	w := exchange.NewWriter(&buf)
	if err := s.Walk(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestEncryptedFileHoldsNoTextOfAnyRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	markers := richNotebook(t, path)
	texts := append(markers, plainTexts(t, path)...)
	assertPresent(t, path, markers)

	s := openWith(t, path, "")
	if err := s.Encrypt([]byte("correct horse"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	// Records written after encrypting, through every write path.
	texts = append(texts, addEveryKind(t, s, "after")...)
	if _, err := store.SpoolContact(path, model.Contact{Name: secret("spooled"), Notes: secret("spoolnote")},
		cryptNow); err != nil {
		t.Fatal(err)
	}
	texts = append(texts, secret("spooled"), secret("spoolnote"))
	dir, _ := store.SpoolDir(path)
	for _, f := range filesIn(t, dir) {
		assertAbsent(t, f, texts)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openWith(t, path, "correct horse") // takes in the sealed spool file
	readEverything(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertAbsent(t, path, texts)

	s = openWith(t, path, "correct horse")
	defer s.Close()
	export := exportOf(t, s)
	for _, m := range []string{secret("name"), secret("nameafter"), secret("spooled"), secret("messageafter")} {
		if !strings.Contains(export, m) {
			t.Errorf("the export lacks %q", m)
		}
	}
}

func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, filepath.Join(dir, e.Name()))
	}
	return out
}

// use makes the same changes to a notebook, plain or encrypted.
func use(t *testing.T, s *store.Store) {
	t.Helper()
	addEveryKind(t, s, "use")
	cs, err := s.Contacts()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteContact(cs[3].ID); err != nil {
		t.Fatal(err)
	}
	c := cs[5]
	c.Notes += " and more"
	if _, err := s.PutContact(c); err != nil {
		t.Fatal(err)
	}
}

func TestEncryptUseDecryptExportsAsThePlainNotebook(t *testing.T) {
	dir := t.TempDir()
	plain, crypt := filepath.Join(dir, "plain.db"), filepath.Join(dir, "crypt.db")
	richNotebook(t, plain)
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crypt, data, 0o600); err != nil {
		t.Fatal(err)
	}

	p := openWith(t, plain, "")
	defer p.Close()
	use(t, p)

	c := openWith(t, crypt, "")
	if err := c.Encrypt([]byte("pass one"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	c.Close()
	c = openWith(t, crypt, "pass one")
	use(t, c)
	if err := c.ChangePassphrase([]byte("pass two"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	if err := c.Decrypt(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	c = openWith(t, crypt, "")
	defer c.Close()
	if c.Encrypted() {
		t.Fatal("still encrypted after Decrypt")
	}
	if got, want := exportOf(t, c), exportOf(t, p); got != want {
		t.Errorf("the round trip changed the notebook:\n got %d bytes\nwant %d bytes\n%s", len(got), len(want), firstDifference(got, want))
	}
	spool, _ := store.SpoolDir(crypt)
	if _, err := os.Stat(filepath.Join(spool, "recipient")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the spool key of the encrypted notebook is still there: %v", err)
	}
}

func TestWrongOrMissingPassphraseTouchesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	richNotebook(t, path)
	s := openWith(t, path, "")
	if err := s.Encrypt([]byte("right"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, open := range []func(string, ...store.Option) (*store.Store, error){store.Open, store.OpenReadOnly} {
		_, err := open(path, store.WithPassphrase([]byte("wrong")))
		if !errors.Is(err, store.ErrWrongPassphrase) {
			t.Errorf("wrong passphrase: %v, want ErrWrongPassphrase", err)
		}
		if err != nil && strings.Contains(err.Error(), "Zq") {
			t.Errorf("the error shows content: %v", err)
		}
		if _, err := open(path); !errors.Is(err, store.ErrNeedsPassphrase) {
			t.Errorf("no passphrase: %v, want ErrNeedsPassphrase", err)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a refused open changed the file")
	}
}

func TestSwappedSealedRecordsAreRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s := openWith(t, path, "")
	a, _ := s.PutContact(model.Contact{Name: "Ana"})
	b, _ := s.PutContact(model.Contact{Name: "Bo"})
	if err := s.Encrypt([]byte("pw"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	s.Close()
	swapValues(t, path, "contacts", a.ID, b.ID)
	s = openWith(t, path, "pw")
	defer s.Close()
	if _, err := s.Contact(a.ID); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("a record moved under another key was read: %v", err)
	}
}

func TestForgettingLeavesNoByteOfThem(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "parley.db")
			markers := richNotebook(t, path)
			s := openWith(t, path, "")
			if encrypted {
				if err := s.Encrypt([]byte("pw"), cheapKDF); err != nil {
					t.Fatal(err)
				}
			}
			cs, err := s.Contacts()
			if err != nil {
				t.Fatal(err)
			}
			forgotten := cs[len(cs)-1] // the marked one
			referred, err := s.PutContact(model.Contact{Name: "Referred Person", ReferredBy: forgotten.ID})
			if err != nil {
				t.Fatal(err)
			}
			plan, err := s.Forget(forgotten.ID, false, cryptNow)
			if err != nil {
				t.Fatal(err)
			}
			if plan.Interviews != 1 || plan.Entries != 1 || len(plan.Referred) != 1 {
				t.Errorf("plan = %+v", plan)
			}
			got, err := s.Contact(referred.ID)
			if err != nil || got.ReferredBy != 0 {
				t.Errorf("the referred contact: %+v, %v", got, err)
			}
			if err := s.Verify(); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			// The template, bank and profile are the user's, not the
			// contact's: they stay.
			gone := markers[:13]
			assertAbsent(t, path, gone)
			if !encrypted {
				assertPresent(t, path, []string{secret("template"), "Referred Person"})
			}
		})
	}
}

func TestForgetKeepsTheNameOnlyWhenAsked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s := openWith(t, path, "")
	defer s.Close()
	gone, _ := s.PutContact(model.Contact{Name: secret("gone")})
	stays, _ := s.PutContact(model.Contact{Name: "Stays", ReferredBy: gone.ID})
	if _, err := s.Forget(gone.ID, true, cryptNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.Contact(stays.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ReferredBy != 0 || !strings.Contains(got.Notes, "Referred by "+secret("gone")) {
		t.Errorf("kept contact = %+v", got)
	}
}

func swapValues(t *testing.T, path, bucket string, a, b uint64) {
	t.Helper()
	if err := storetest.Swap(path, bucket, storetest.ID(a), storetest.ID(b)); err != nil {
		t.Fatal(err)
	}
}

// readEverything reads through every read path of the store, each of
// which must open what it reads.
func readEverything(t *testing.T, s *store.Store) {
	t.Helper()
	if err := s.Verify(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Overview(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.QuestionStats(); err != nil {
		t.Fatal(err)
	}
	sum, err := s.Summaries()
	if err != nil || len(sum.Contacts) == 0 {
		t.Fatalf("summaries: %d contacts, %v", len(sum.Contacts), err)
	}
	if _, err := s.ReferralFamily(sum.Contacts[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AllInterviews(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AllInteractions(); err != nil {
		t.Fatal(err)
	}
	if tpl, err := s.Templates(); err != nil || !strings.Contains(fmt.Sprint(tpl), secret("template")) {
		t.Fatalf("templates: %v", err)
	}
	if bank, err := s.QuestionBank(); err != nil || len(bank.Own) != 1 {
		t.Fatalf("bank: %+v, %v", bank, err)
	}
	if p, err := s.Profile(); err != nil || p.Name == "" {
		t.Fatalf("profile: %+v, %v", p, err)
	}
	if _, err := s.Settings(); err != nil {
		t.Fatal(err)
	}
	found := 0
	if err := s.SearchSources(func(src model.SearchSource) {
		if strings.Contains(src.Text, secret("note")) || strings.Contains(src.Text, secret("message")) {
			found++
		}
	}); err != nil || found < 2 {
		t.Fatalf("search sources: found %d, %v", found, err)
	}
}

func TestSpoolIsSealedEvenWithoutItsKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s := openWith(t, path, "")
	if err := s.Encrypt([]byte("pw"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir, _ := store.SpoolDir(path)
	if err := os.Remove(filepath.Join(dir, "recipient")); err != nil {
		t.Fatal(err)
	}
	r, err := store.SpoolContact(path, model.Contact{Name: secret("quick")}, cryptNow)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(r.File, ".sealed") {
		t.Errorf("spooled as %s", r.File)
	}
	assertAbsent(t, r.File, []string{secret("quick")})
	s = openWith(t, path, "pw")
	defer s.Close()
	cs, err := s.Contacts()
	if err != nil || len(cs) != 1 || cs[0].Name != secret("quick") {
		t.Errorf("taken in: %+v, %v", cs, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "recipient")); err != nil {
		t.Errorf("opening did not put the spool key back: %v", err)
	}
}

func TestImportIntoAnEncryptedNotebookIsSealed(t *testing.T) {
	dir := t.TempDir()
	plain, crypt := filepath.Join(dir, "plain.db"), filepath.Join(dir, "crypt.db")
	markers := richNotebook(t, plain)
	p := openWith(t, plain, "")
	doc := exportOf(t, p)
	p.Close()

	c := openWith(t, crypt, "")
	defer c.Close()
	if err := c.Encrypt([]byte("pw"), cheapKDF); err != nil {
		t.Fatal(err)
	}
	d, err := exchange.ReadJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := exchange.ReadExisting(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ApplyImport(exchange.PlanImport(ex, d).Batch); err != nil {
		t.Fatal(err)
	}
	if got := exportOf(t, c); got != doc {
		t.Error("the encrypted notebook exports differently from what it imported")
	}
	readEverything(t, c)
	assertAbsent(t, crypt, markers)
}

// firstDifference shows where two exports part, a few lines either side.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			lo := max(i-3, 0)
			return fmt.Sprintf("line %d:\n got %q\nwant %q\n(after %q)", i+1, g[i], w[i], strings.Join(g[lo:i], " | "))
		}
	}
	return "one is a prefix of the other"
}
