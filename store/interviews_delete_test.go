package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"parley/model"
)

func TestDeleteInterviewLeavesTheOthers(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.PutContact(model.Contact{Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	a, _ := s.PutInterview(model.NewInterview(c.ID, []string{"Q1"}, now))
	b, _ := s.PutInterview(model.NewInterview(c.ID, []string{"Q2"}, now))
	if err := s.DeleteInterview(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Interview(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted interview still reads: %v", err)
	}
	ivs, err := s.Interviews(c.ID)
	if err != nil || len(ivs) != 1 || ivs[0].ID != b.ID {
		t.Errorf("left = %+v, %v; want only %d", ivs, err, b.ID)
	}
	if err := s.DeleteInterview(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want not found", err)
	}
}
