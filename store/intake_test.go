package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"parley/model"
)

func TestOpenKeepsWhatItTookFromTheSpool(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	if _, err := SpoolContact(db, model.Contact{Name: "Ana Ruiz"}, now); err != nil {
		t.Fatal(err)
	}
	dir, _ := SpoolDir(db)
	if err := os.WriteFile(filepath.Join(dir, "9-bad.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep := s.DrainedAtOpen()
	if len(rep.Added) != 1 || rep.Added[0].Name != "Ana Ruiz" || rep.Added[0].ID == 0 || len(rep.Rejected) != 1 {
		t.Fatalf("drained at open: %+v", rep)
	}
	// A later drain finds nothing, and does not change what Open reported.
	if later, err := s.DrainSpool(); err != nil || len(later.Added)+len(later.Rejected) != 0 {
		t.Fatalf("second drain: %+v, %v", later, err)
	}
	if len(s.DrainedAtOpen().Added) != 1 {
		t.Error("the open report changed")
	}
}

func TestApplyImportPlannedRefusesAStalePlan(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	planned, err := s.NextIDs()
	if err != nil {
		t.Fatal(err)
	}
	// Someone else adds a contact between the plan and the write: the
	// plan's new contact would take its ID.
	theirs, err := s.PutContact(model.Contact{Name: "Bo Chen", Stage: model.ToContact})
	if err != nil {
		t.Fatal(err)
	}
	batch := ImportBatch{Contacts: []model.Contact{{ID: planned.Contact, Name: "Ana Ruiz", Stage: model.ToContact}}}
	if err := s.ApplyImportPlanned(batch, planned); !errors.Is(err, ErrChangedSincePlan) {
		t.Fatalf("stale plan: err = %v", err)
	}
	if c, err := s.Contact(theirs.ID); err != nil || c.Name != "Bo Chen" {
		t.Fatalf("their contact: %+v, %v", c, err)
	}
	again, _ := s.NextIDs()
	batch.Contacts[0].ID = again.Contact
	if err := s.ApplyImportPlanned(batch, again); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Contacts(); len(cs) != 2 {
		t.Errorf("%d contacts, want 2", len(cs))
	}
}
