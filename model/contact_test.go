package model

import "testing"

func TestIsEmail(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"ana@example.org", true},
		{"ana.ruiz+parley@mail.example.co.uk", true},
		{"josé@exämple.de", true},
		{"ana@example", false},
		{"ana@example.o", false},
		{"ana@@example.org", false},
		{"ana@ex@ample.org", false},
		{"@example.org", false},
		{"ana@", false},
		{"ana ruiz@example.org", false},
		{"ana@example..org", false},
		{"ana@-example.org", false},
		{".ana@example.org", false},
		{"ana@example.123", false},
		{"Ana <ana@example.org>", false},
		{"ana@example.org.", true},
	} {
		if got := IsEmail(tc.in); got != tc.want {
			t.Errorf("IsEmail(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestIsWebAddress(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"https://example.org/ana", true},
		{"http://example.org", true},
		{"example.org/ana", true},
		{"www.linkedin.com/in/ana-ruiz", true},
		{"example.org:8080/ana", true},
		{"http://localhost:3000/x", true},
		{"https://", false},
		{"ana", false},
		{"mailto:ana@example.org", false},
		{"ftp://example.org", false},
		{"javascript:alert(1)", false},
		{"https://user:pw@example.org", false},
		{"example", false},
		{"exa mple.org", false},
	} {
		if got := IsWebAddress(tc.in); got != tc.want {
			t.Errorf("IsWebAddress(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if got := NormalizeURL(" example.org/ana "); got != "https://example.org/ana" {
		t.Errorf("NormalizeURL = %q", got)
	}
	if got := NormalizeURL("http://example.org"); got != "http://example.org" {
		t.Errorf("NormalizeURL kept scheme? %q", got)
	}
}

func TestFieldErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		c      Contact
		fields []string
	}{
		{"name only", Contact{Name: "Ana"}, nil},
		{"blank name", Contact{Name: "  "}, []string{FieldName}},
		{"bad email and url", Contact{Name: "Ana", Email: "ana@", ProfileURL: "mailto:x@y.org"},
			[]string{FieldEmail, FieldProfileURL}},
		{"phone without digits", Contact{Name: "Ana", Phone: "mornings"}, []string{FieldPhone}},
		{"phone with extension", Contact{Name: "Ana", Phone: "+44 113 555 0100 ext. 12"}, nil},
		{"unknown career stage", Contact{Name: "Ana", CareerStage: "junior"}, []string{FieldCareerStage}},
		{"unknown stage", Contact{Name: "Ana", Stage: "ghosted"}, []string{FieldStage}},
		{"self referral", Contact{ID: 3, Name: "Ana", ReferredBy: 3}, []string{FieldReferredBy}},
		{"everything wrong", Contact{Email: "x", ProfileURL: "y"}, []string{FieldName, FieldEmail, FieldProfileURL}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := tc.c.FieldErrors()
			if len(errs) != len(tc.fields) {
				t.Errorf("errors = %v, want fields %v", errs, tc.fields)
			}
			for _, f := range tc.fields {
				if errs[f] == "" {
					t.Errorf("no error for %s in %v", f, errs)
				}
			}
		})
	}
}

func TestValidateReportsFirstFieldInFormOrder(t *testing.T) {
	c := Contact{Email: "x", ProfileURL: "y"}
	if got := c.Validate(); got != "A contact needs a name." {
		t.Errorf("Validate = %q", got)
	}
	c.Name = "Ana"
	if got := c.Validate(); got != c.FieldErrors()[FieldEmail] {
		t.Errorf("Validate = %q, want the email message", got)
	}
	if got := (Contact{Name: "Ana"}).Validate(); got != "" {
		t.Errorf("valid contact: %q", got)
	}
}
