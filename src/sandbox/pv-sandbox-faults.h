/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PV_SANDBOX_FAULTS_ERROR (pv_sandbox_faults_error_quark ())

typedef enum
{
  PV_SANDBOX_FAULTS_ERROR_INVALID_SPEC,
} PvSandboxFaultsError;

GQuark pv_sandbox_faults_error_quark (void);

typedef enum
{
  PV_SANDBOX_FAULT_NONE,
  /* 429 with Retry-After. */
  PV_SANDBOX_FAULT_THROTTLE,
  /* 503 with Graph's error body. */
  PV_SANDBOX_FAULT_UNAVAILABLE,
  /* The connection is closed without an answer. */
  PV_SANDBOX_FAULT_DROP,
  /* The right answer, late. */
  PV_SANDBOX_FAULT_DELAY,
  /* The request takes effect but its answer is cut in the middle. */
  PV_SANDBOX_FAULT_MALFORMED,
} PvSandboxFault;

#define PV_TYPE_SANDBOX_FAULTS (pv_sandbox_faults_get_type ())

G_DECLARE_FINAL_TYPE (PvSandboxFaults, pv_sandbox_faults, PV, SANDBOX_FAULTS, GObject)

PvSandboxFaults *pv_sandbox_faults_new            (const char       *spec,
                                                   GError          **error);
double           pv_sandbox_faults_get_rate       (PvSandboxFaults  *self);
guint            pv_sandbox_faults_get_kinds      (PvSandboxFaults  *self);
guint            pv_sandbox_faults_get_delay_ms   (PvSandboxFaults  *self);
guint            pv_sandbox_faults_get_retry_after (PvSandboxFaults *self);
PvSandboxFault   pv_sandbox_faults_draw           (PvSandboxFaults  *self);
const char      *pv_sandbox_fault_to_string       (PvSandboxFault    fault);

G_END_DECLS
