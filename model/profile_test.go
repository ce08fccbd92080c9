package model

import (
	"reflect"
	"testing"
)

func TestProfileMissing(t *testing.T) {
	if !fullProfile.Complete() || fullProfile.Missing() != nil {
		t.Errorf("full profile: missing %v", fullProfile.Missing())
	}
	p := Profile{Name: "Sam", Intro: "  ", Exploring: "planning"}
	if p.Complete() {
		t.Error("incomplete profile says complete")
	}
	if got, want := p.Missing(), []string{"your introduction", "how to reach you"}; !reflect.DeepEqual(got, want) {
		t.Errorf("missing = %q, want %q", got, want)
	}
	if got := (Profile{Name: " Sam \n"}).Trimmed(); got.Name != "Sam" {
		t.Errorf("trimmed = %q", got.Name)
	}
}
