package ui

import "testing"

func TestMain(m *testing.M) { testMain(m, screenOpeners) }
