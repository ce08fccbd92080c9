package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// schema1Fixture is a notebook written by the schema-1 store (commit
// 96bbaa3): contacts with a referral, a held interview with notes, stars, a
// checklist and a wrap-up, a scheduled one, a timeline, settings, a
// profile, a template of the user's, own questions and a saved set.
const schema1Fixture = "testdata/schema1.db"

// copyFixture copies the schema-1 fixture into a fresh folder and returns
// the copy's path.
func copyFixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(schema1Fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "parley.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// schema1Records reads a schema-1 file the way the schema-1 store did:
// every bucket a map of ID to whole JSON record.
type schema1Records struct {
	schema       string
	contacts     []model.Contact
	interviews   []model.Interview
	interactions []model.Interaction
	settings     map[string][]byte
	templates    map[string][]byte
	bank         []byte
}

func readSchema1(t *testing.T, path string) schema1Records {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r := schema1Records{settings: map[string][]byte{}, templates: map[string][]byte{}}
	err = db.View(func(tx *bolt.Tx) error {
		r.schema = string(tx.Bucket(bucketMeta).Get(keySchema))
		if err := forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
			r.contacts = append(r.contacts, c)
			return nil
		}); err != nil {
			return err
		}
		if err := forEach(tx.Bucket(bucketInterviews), func(iv model.Interview) error {
			r.interviews = append(r.interviews, iv)
			return nil
		}); err != nil {
			return err
		}
		if err := forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
			r.interactions = append(r.interactions, it)
			return nil
		}); err != nil {
			return err
		}
		copyAll := func(b *bolt.Bucket, into map[string][]byte) error {
			return b.ForEach(func(k, v []byte) error {
				into[string(k)] = bytes.Clone(v)
				return nil
			})
		}
		if err := copyAll(tx.Bucket(bucketSettings), r.settings); err != nil {
			return err
		}
		if err := copyAll(tx.Bucket(bucketTemplates), r.templates); err != nil {
			return err
		}
		r.bank = bytes.Clone(tx.Bucket(bucketQuestions).Get(keyBankState))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOpenUpgradesSchema1KeepingEveryRecord(t *testing.T) {
	path := copyFixture(t)
	old := readSchema1(t, path)
	// The fixture must hold what the test claims to check.
	if old.schema != "1" || len(old.contacts) != 3 || len(old.interviews) != 2 || len(old.interactions) != 6 ||
		len(old.interviews[0].Notes) != 3 || len(old.templates) != 1 || len(old.settings) != 2 || old.bank == nil {
		t.Fatalf("fixture is not the schema-1 notebook expected: %+v", old)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()

	nb, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(nb.Contacts, old.contacts) {
		t.Errorf("contacts after upgrade:\n%+v\nwant\n%+v", nb.Contacts, old.contacts)
	}
	if !reflect.DeepEqual(nb.Interviews, old.interviews) {
		t.Errorf("interviews after upgrade:\n%+v\nwant\n%+v", nb.Interviews, old.interviews)
	}
	if !reflect.DeepEqual(nb.Interactions, old.interactions) {
		t.Errorf("timeline after upgrade:\n%+v\nwant\n%+v", nb.Interactions, old.interactions)
	}
	ana, ben := old.contacts[0], old.contacts[1]
	if ben.ReferredBy != ana.ID {
		t.Errorf("referral lost: %+v", ben)
	}
	ivs, err := s.Interviews(ana.ID)
	if err != nil || len(ivs) != 1 || !reflect.DeepEqual(ivs[0], old.interviews[0]) {
		t.Errorf("Interviews(%d) = %+v, %v", ana.ID, ivs, err)
	}
	if got := ivs[0].Notes[1]; !got.Starred || got.QuestionID != 1 || got.Text != "Geography degree, then a graduate scheme.\nSecond line of the same paragraph." {
		t.Errorf("starred note = %+v", got)
	}
	if ivs[0].WrapUp.Referrals[0].ContactID != ben.ID || ivs[0].WrapUp.Takeaways == "" {
		t.Errorf("wrap-up = %+v", ivs[0].WrapUp)
	}
	timeline, err := s.Interactions(ana.ID)
	if err != nil || len(timeline) != 4 || timeline[0].Text != "Dear Ana,\nWould you have 20 minutes?" {
		t.Errorf("Interactions(%d) = %+v, %v", ana.ID, timeline, err)
	}
	if st, err := s.Settings(); err != nil || st != (model.Settings{ThankYouDays: 3, NoReplyDays: 10, KeepInTouchDays: 60, WeeklyGoal: 2}) {
		t.Errorf("settings = %+v, %v", st, err)
	}
	if p, err := s.Profile(); err != nil || p.Name != "Sam" || !p.Complete() {
		t.Errorf("profile = %+v, %v", p, err)
	}
	tpls, err := s.Templates()
	if err != nil || find(tpls, "u-1").Body != "Hello,\nAre you free for a chat?" {
		t.Errorf("own template lost: %v", err)
	}
	bank, err := s.QuestionBank()
	var oldBank questions.UserState
	if jerr := json.Unmarshal(old.bank, &oldBank); jerr != nil {
		t.Fatal(jerr)
	}
	if err != nil || !reflect.DeepEqual(bank, oldBank) || len(bank.Own) != 1 || bank.DefaultSet != "First calls" {
		t.Errorf("question bank = %+v, %v", bank, err)
	}
	if stats, err := s.QuestionStats(); err != nil || !reflect.DeepEqual(stats, questions.Stats(old.interviews)) {
		t.Errorf("stats = %v, %v; want %v", stats, err, questions.Stats(old.interviews))
	}

	backup := BackupPath(path, 1)
	info, err := os.Stat(backup)
	if err != nil {
		t.Fatalf("no copy of the schema-1 file: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600", info.Mode().Perm())
	}
	if kept := readSchema1(t, backup); !reflect.DeepEqual(kept, old) {
		t.Errorf("backup differs from the schema-1 notebook")
	}
	if _, err := os.Stat(backup + ".new"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary copy left behind: %v", err)
	}
	assertSchema(t, s, SchemaVersion())
}

func TestSecondOpenDoesNotUpgradeAgain(t *testing.T) {
	path := copyFixture(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Snapshot()
	s.Close()
	if err := os.Remove(BackupPath(path, 1)); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(BackupPath(path, 1)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("second open copied the notebook again: %v", err)
	}
	after, _ := s.Snapshot()
	if !reflect.DeepEqual(before, after) {
		t.Errorf("second open changed the notebook")
	}
}

func TestFailedUpgradeLeavesNotebookAsItWas(t *testing.T) {
	path := copyFixture(t)
	// A damaged timeline entry makes the upgrade fail half way through.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketInteractions).Put(itob(3), []byte("{not json")) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	if s, err := Open(path); !errors.Is(err, ErrDamaged) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open = %v, want ErrDamaged", err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("a failed upgrade changed the file")
	}
	if _, err := os.Stat(BackupPath(path, 1)); err != nil {
		t.Errorf("the copy made before the upgrade is gone: %v", err)
	}
}

func assertSchema(t *testing.T, s *Store, want int) {
	t.Helper()
	err := s.db.View(func(tx *bolt.Tx) error {
		if got := string(tx.Bucket(bucketMeta).Get(keySchema)); got != strconv.Itoa(want) {
			t.Errorf("schema = %s, want %d", got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestUpgradeOfAGeneratedNotebookKeepsEveryRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	writeSchema1(t, path, 400, time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC))
	old := readSchema1(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	nb, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(old.interviews) < 100 || !reflect.DeepEqual(nb.Contacts, old.contacts) ||
		!reflect.DeepEqual(nb.Interviews, old.interviews) || !reflect.DeepEqual(nb.Interactions, old.interactions) {
		t.Errorf("upgrade changed records (%d interviews)", len(old.interviews))
	}
	if stats, err := s.QuestionStats(); err != nil || !reflect.DeepEqual(stats, questions.Stats(old.interviews)) {
		t.Errorf("statistics after upgrade differ: %v", err)
	}
	for _, c := range old.contacts[:50] {
		ivs, err := s.Interviews(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var want []model.Interview
		for _, iv := range old.interviews {
			if iv.ContactID == c.ID {
				want = append(want, iv)
			}
		}
		if !reflect.DeepEqual(ivs, want) {
			t.Errorf("contact %d: interviews through the index differ", c.ID)
		}
	}
}

func TestReadOnlyOpenOfSchema1NeitherUpgradesNorCopies(t *testing.T) {
	path := copyFixture(t)
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := OpenReadOnly(path); !errors.Is(err, ErrNeedsUpgrade) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("OpenReadOnly = %v, want ErrNeedsUpgrade", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("a read-only open changed the file")
	}
	if _, err := os.Stat(BackupPath(path, 1)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read-only open made a copy: %v", err)
	}
}
