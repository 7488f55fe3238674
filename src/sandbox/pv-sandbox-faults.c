/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pv-sandbox-faults.h"

/* Faults drawn for requests from a seeded generator, so that a run with
 * the same specification and the same requests in the same order meets
 * the same faults: a failing test can be replayed. */

struct _PvSandboxFaults
{
  GObject  parent_instance;

  double   rate;
  guint    kinds;
  guint    n_kinds;
  PvSandboxFault kind_list[8];
  guint32  seed;
  guint    delay_ms;
  guint    retry_after;
  GRand   *rand;
  /* Draws come from the server thread and from tests reading the
   * sequence; the lock keeps the generator's state whole. */
  GMutex   lock;
};

G_DEFINE_FINAL_TYPE (PvSandboxFaults, pv_sandbox_faults, G_TYPE_OBJECT)

G_DEFINE_QUARK (pv-sandbox-faults-error-quark, pv_sandbox_faults_error)

static const struct
{
  const char     *name;
  PvSandboxFault  fault;
} kind_names[] = {
  { "429", PV_SANDBOX_FAULT_THROTTLE },
  { "503", PV_SANDBOX_FAULT_UNAVAILABLE },
  { "drop", PV_SANDBOX_FAULT_DROP },
  { "delay", PV_SANDBOX_FAULT_DELAY },
  { "malformed", PV_SANDBOX_FAULT_MALFORMED },
};

const char *
pv_sandbox_fault_to_string (PvSandboxFault fault)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].fault == fault)
      return kind_names[i].name;
  return "none";
}

static void
pv_sandbox_faults_finalize (GObject *object)
{
  PvSandboxFaults *self = PV_SANDBOX_FAULTS (object);

  g_clear_pointer (&self->rand, g_rand_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (pv_sandbox_faults_parent_class)->finalize (object);
}

static void
pv_sandbox_faults_class_init (PvSandboxFaultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_sandbox_faults_finalize;
}

static void
pv_sandbox_faults_init (PvSandboxFaults *self)
{
  g_mutex_init (&self->lock);
  self->delay_ms = 500;
  self->retry_after = 1;
}

static gboolean
invalid (GError     **error,
         const char  *item)
{
  g_set_error (error, PV_SANDBOX_FAULTS_ERROR, PV_SANDBOX_FAULTS_ERROR_INVALID_SPEC,
               /* Translators: %s is a part of the --faults option, such as "rate=2" */
               _("Invalid fault specification “%s”: expected "
                 "rate=0…1,kinds=429+503+drop+delay+malformed,seed=N,delay=MS,retry-after=S"),
               item);
  return FALSE;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

static gboolean
parse_kinds (PvSandboxFaults  *self,
             const char       *text,
             const char       *item,
             GError          **error)
{
  g_auto(GStrv) names = g_strsplit (text, "+", -1);

  self->kinds = 0;
  self->n_kinds = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (kind_names); j++)
        if (g_strcmp0 (names[i], kind_names[j].name) == 0)
          {
            if ((self->kinds & (1u << kind_names[j].fault)) == 0)
              self->kind_list[self->n_kinds++] = kind_names[j].fault;
            self->kinds |= 1u << kind_names[j].fault;
            found = TRUE;
          }
      if (!found)
        return invalid (error, item);
    }
  return self->n_kinds > 0 || invalid (error, item);
}

/**
 * pv_sandbox_faults_new:
 * @spec: e.g. "rate=0.1,kinds=429+503,seed=7"; NULL or "" for no faults
 *
 * Items, separated by commas: `rate` (0 to 1, the share of requests that
 * meet a fault), `kinds` (429, 503, drop, delay, malformed joined by +;
 * all of them by default), `seed`, `delay` (milliseconds) and
 * `retry-after` (seconds).
 */
PvSandboxFaults *
pv_sandbox_faults_new (const char  *spec,
                       GError     **error)
{
  g_autoptr(PvSandboxFaults) self = g_object_new (PV_TYPE_SANDBOX_FAULTS, NULL);
  g_auto(GStrv) items = NULL;

  parse_kinds (self, "429+503+drop+delay+malformed", "", NULL);
  if (spec == NULL)
    spec = "";
  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      const char *eq = strchr (item, '=');
      g_autofree char *key = NULL;
      const char *value;
      guint64 number;

      if (*item == '\0')
        continue;
      if (eq == NULL)
        {
          invalid (error, item);
          return NULL;
        }
      key = g_strndup (item, (gsize) (eq - item));
      value = eq + 1;

      if (g_str_equal (key, "rate"))
        {
          char *end = NULL;
          double rate = g_ascii_strtod (value, &end);

          if (*value == '\0' || end == NULL || *end != '\0' || !(rate >= 0.0 && rate <= 1.0))
            {
              invalid (error, item);
              return NULL;
            }
          self->rate = rate;
        }
      else if (g_str_equal (key, "kinds"))
        {
          if (!parse_kinds (self, value, item, error))
            return NULL;
        }
      else if (g_str_equal (key, "seed") && parse_uint (value, G_MAXUINT32, &number))
        self->seed = (guint32) number;
      else if (g_str_equal (key, "delay") && parse_uint (value, 600000, &number))
        self->delay_ms = (guint) number;
      else if (g_str_equal (key, "retry-after") && parse_uint (value, 3600, &number))
        self->retry_after = (guint) number;
      else
        {
          invalid (error, item);
          return NULL;
        }
    }

  self->rand = g_rand_new_with_seed (self->seed);
  return g_steal_pointer (&self);
}

double
pv_sandbox_faults_get_rate (PvSandboxFaults *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_FAULTS (self), 0.0);
  return self->rate;
}

/* A mask of 1 << PvSandboxFault. */
guint
pv_sandbox_faults_get_kinds (PvSandboxFaults *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_FAULTS (self), 0);
  return self->kinds;
}

guint
pv_sandbox_faults_get_delay_ms (PvSandboxFaults *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_FAULTS (self), 0);
  return self->delay_ms;
}

guint
pv_sandbox_faults_get_retry_after (PvSandboxFaults *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_FAULTS (self), 0);
  return self->retry_after;
}

/* The fault for the next request; two draws per request whatever the
 * outcome, so one request's fault never shifts the next one's. */
PvSandboxFault
pv_sandbox_faults_draw (PvSandboxFaults *self)
{
  double roll;
  gint32 pick;

  g_return_val_if_fail (PV_IS_SANDBOX_FAULTS (self), PV_SANDBOX_FAULT_NONE);

  g_mutex_lock (&self->lock);
  roll = g_rand_double (self->rand);
  pick = g_rand_int_range (self->rand, 0, (gint32) MAX (self->n_kinds, 1));
  g_mutex_unlock (&self->lock);

  if (self->n_kinds == 0 || roll >= self->rate)
    return PV_SANDBOX_FAULT_NONE;
  return self->kind_list[pick];
}
