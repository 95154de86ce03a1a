//go:build e2e

package graph

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq"

	"newsgraph/schema"
)

// postgresStore creates a fresh database on the real PostgreSQL server
// ($NEWSGRAPH_TEST_POSTGRES, default the local trust-auth server) and
// opens it as a store.
func postgresStore(t *testing.T) *Store {
	t.Helper()
	admin := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	db, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("newsgraph_test_%d", time.Now().UnixNano())
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database (is PostgreSQL running? make e2e starts it): %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("postgres", admin)
		if err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	url := strings.Replace(admin, "/postgres?", "/"+name+"?", 1)
	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPostgresStoreMatchesBolt(t *testing.T) {
	pg := postgresStore(t)
	bolt := openTemp(t)
	ingestAll(t, pg, seedGold(t)...)
	ingestAll(t, bolt, seedGold(t)...)
	if a, b := strings.Join(allQuads(t, pg), "\n"), strings.Join(allQuads(t, bolt), "\n"); a != b {
		t.Errorf("PostgreSQL and bolt hold different graphs")
	}
	sp, sb := stats(t, pg), stats(t, bolt)
	if sp.Quads != sb.Quads || sp.Entities != sb.Entities || sp.Statements != sb.Statements {
		t.Errorf("stats differ: postgres %+v bolt %+v", sp, sb)
	}
	if got := ingestAll(t, pg, seedGold(t)...); got[0] != Unchanged || got[1] != Unchanged {
		t.Errorf("re-ingest into PostgreSQL: %v, want unchanged", got)
	}
	// Replacement keeps shared entities.
	x := schema.Extraction{ID: strings.TrimSuffix(seedGold(t)[0].File, ".txt"), Entities: []schema.Entity{{Name: "Chad", Type: schema.TypeCountry}}}
	if got := ingestAll(t, pg, x); got[0] != Replaced {
		t.Errorf("replace in PostgreSQL: %v", got[0])
	}
	if n, _, _ := NodeName(context.Background(), pg.QS, schema.EntityIRI(schema.TypeCountry, "Iran")); n != "Iran" {
		t.Errorf("Iran, named by the other article, was lost")
	}
}
