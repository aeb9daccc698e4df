/* test-kill-recover.c — kill the application with SIGKILL, start it again, recover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real `cxplan` binary, on a private session bus (GTestDBus) and
 * with data and config folders of its own, opens a copy of a sample; the
 * test inserts steps through the window's actions on the bus, waits past
 * the draft delay until the draft holds them, and kills the process with
 * SIGKILL. A second `cxplan` offers the draft; the test recovers it with
 * app.recover-draft, saves with win.save, and asserts that the file now
 * holds the edited plan, byte for byte the draft's, and that the draft is
 * gone. Needs a display (xvfb-run), as the other GUI tests do.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cx-gui-test.h"
#include "cx-model.h"
#include "cx-plan-io.h"

#define APP_BUS_NAME    "io.github.cxplan.Planner"
#define APP_PATH        "/io/github/cxplan/Planner"
#define WINDOW_PATH     APP_PATH "/window/1"
#define TIMEOUT_SECONDS 60
#define N_INSERTED      3

/* The display, which g_test_dbus_up() takes out of the environment */
static char *display;

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *connection;
  char            *home;       /* the test's folder: data, config, the plan */
  char            *drafts;     /* where the application keeps its drafts */
  char            *plan_path;
} Fixture;

/* ------------------------------------------------------------------ */
/* The application, from outside                                       */

static GSubprocess *
launch (Fixture    *f,
        const char *file)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *data = g_build_filename (f->home, "data", NULL);
  g_autofree char *config = g_build_filename (f->home, "config", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", CX_APP_SCHEMA_DIR, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "CXPLAN_DRAFT_DELAY_MS", "300", TRUE);
  /* No accessibility bus on the test's own bus */
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);

  if (file != NULL)
    process = g_subprocess_launcher_spawn (launcher, &error, CX_APP_BINARY, file, NULL);
  else
    process = g_subprocess_launcher_spawn (launcher, &error, CX_APP_BINARY, NULL);
  g_assert_no_error (error);

  return process;
}

static GVariant *
call_actions (Fixture     *f,
              const char  *path,
              const char  *method,
              GVariant    *parameters,
              GError     **error)
{
  return g_dbus_connection_call_sync (f->connection, APP_BUS_NAME, path, "org.gtk.Actions",
                                      method, parameters, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                      10000, NULL, error);
}

/* Activates the action @name of the object at @path, as gdbus call does,
 * with a string parameter or none */
static void
activate (Fixture    *f,
          const char *path,
          const char *name,
          const char *parameter)
{
  g_autoptr(GVariantBuilder) args = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (parameter != NULL)
    g_variant_builder_add (args, "v", g_variant_new_string (parameter));
  reply = call_actions (f, path, "Activate",
                        g_variant_new ("(sava{sv})", name, args, NULL), &error);
  g_assert_no_error (error);
}

/* Whether the object at @path has the action @name, enabled */
static gboolean
action_enabled (Fixture    *f,
                const char *path,
                const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean enabled = FALSE;

  reply = call_actions (f, path, "Describe", g_variant_new ("(s)", name), NULL);
  if (reply != NULL)
    g_variant_get (reply, "((b@g@av))", &enabled, NULL, NULL);

  return enabled;
}

/* Iterates the main loop until @cond holds, failing after a while */
#define WAIT_UNTIL(cond)                                                      \
  G_STMT_START {                                                              \
    gint64 wait_end = g_get_monotonic_time () +                               \
                      TIMEOUT_SECONDS * G_USEC_PER_SEC;                       \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > wait_end)                               \
          g_error ("timed out waiting for %s", #cond);                        \
        g_main_context_iteration (NULL, FALSE);                               \
        g_usleep (20000);                                                     \
      }                                                                       \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* Drafts, from outside                                                */

/* The id of the one draft in the folder, or NULL */
static char *
find_draft (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->drafts, 0, NULL);
  const char *name;
  char *id = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cxdraft"))
      {
        g_assert_null (id);
        id = g_strndup (name, strlen (name) - strlen (".cxdraft"));
      }

  return id;
}

static gboolean
no_draft_left (Fixture *f)
{
  g_autofree char *id = find_draft (f);

  return id == NULL;
}

static GBytes *
read_draft (Fixture    *f,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, ".cxplan", NULL);
  g_autofree char *path = g_build_filename (f->drafts, name, NULL);
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static guint
count_steps (GBytes *bytes)
{
  g_autoptr(CxPlan) plan = NULL;
  guint n = 0;

  plan = cx_plan_read_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 NULL, NULL, NULL, NULL, NULL);
  if (plan == NULL)
    return 0;
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    n += cx_plan_get_n_steps (plan, phase);

  return n;
}

/* The draft of the plan with @n_steps, once it is written whole */
static GBytes *
draft_with_steps (Fixture *f,
                  guint    n_steps,
                  char   **id)
{
  g_autofree char *found = find_draft (f);
  g_autoptr(GBytes) bytes = NULL;

  if (found == NULL || (bytes = read_draft (f, found)) == NULL || count_steps (bytes) != n_steps)
    return NULL;

  *id = g_steal_pointer (&found);
  return g_steal_pointer (&bytes);
}

static gboolean
file_holds (const char *path,
            GBytes     *bytes)
{
  g_autofree char *text = NULL;
  gsize length;

  return g_file_get_contents (path, &text, &length, NULL) &&
         length == g_bytes_get_size (bytes) &&
         memcmp (text, g_bytes_get_data (bytes, NULL), length) == 0;
}

/* ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (CX_SOURCE_DATADIR, "samples",
                                              "team-gear-store.cxplan", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  f->home = g_dir_make_tmp ("cxplan-kill-XXXXXX", &error);
  g_assert_no_error (error);
  f->drafts = g_build_filename (f->home, "data", "cxplan", "drafts", NULL);
  f->plan_path = g_build_filename (f->home, "store.cxplan", NULL);
  g_assert_true (g_file_get_contents (sample, &text, &length, &error));
  g_assert_true (g_file_set_contents (f->plan_path, text, length, &error));

  /* A bus of the test's own: no other instance answers for the name */
  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->connection);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);

  cx_gui_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->drafts);
  g_free (f->plan_path);
}

static void
test_kill_and_recover (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  guint n_steps;

  {
    g_autofree char *text = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (f->plan_path, &text, &length, NULL));
    original = g_bytes_new_take (g_steal_pointer (&text), length);
    n_steps = count_steps (original);
    g_assert_cmpuint (n_steps, >, 0);
  }

  /* The plan open, edited over the bus, its draft written */
  first = launch (f, f->plan_path);
  WAIT_UNTIL (action_enabled (f, WINDOW_PATH, "insert-step"));
  for (guint i = 0; i < N_INSERTED; i++)
    activate (f, WINDOW_PATH, "insert-step", NULL);
  WAIT_UNTIL ((draft = draft_with_steps (f, n_steps + N_INSERTED, &id)) != NULL);
  g_test_message ("draft %s: %" G_GSIZE_FORMAT " bytes", id, g_bytes_get_size (draft));

  /* Killed: nothing of it runs after */
  g_subprocess_send_signal (first, SIGKILL);
  g_subprocess_wait (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (first));
  g_assert_cmpint (g_subprocess_get_term_sig (first), ==, SIGKILL);
  g_assert_true (file_holds (f->plan_path, original));

  /* Started again: the draft is offered, and recovered */
  second = launch (f, NULL);
  WAIT_UNTIL (action_enabled (f, APP_PATH, "recover-draft"));
  g_assert_false (action_enabled (f, WINDOW_PATH, "save"));
  activate (f, APP_PATH, "recover-draft", id);
  WAIT_UNTIL (action_enabled (f, WINDOW_PATH, "save"));

  /* Saved where it belongs: the file is the edited plan */
  activate (f, WINDOW_PATH, "save", NULL);
  WAIT_UNTIL (file_holds (f->plan_path, draft));
  g_assert_cmpuint (count_steps (draft), ==, n_steps + N_INSERTED);
  g_assert_false (g_bytes_equal (draft, original));

  /* and the draft is gone */
  WAIT_UNTIL (no_draft_left (f));

  /* Quit: nothing is unsaved, so nothing asks */
  activate (f, APP_PATH, "quit", NULL);
  g_subprocess_wait (second, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* What the application needs, as the other GUI tests do */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  display = g_strdup (g_getenv ("DISPLAY"));

  g_test_add ("/kill-recover/insert-steps", Fixture, NULL, fixture_set_up,
              test_kill_and_recover, fixture_tear_down);

  return g_test_run ();
}
