/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-page.h"

/* A step of a wizard. A page only knows its own input: it says whether it
 * is complete (and if not, why, so that the assistant can tell the user
 * what is missing rather than leave a silent insensitive button), whether
 * the user has entered anything that Cancel would throw away, and how to
 * apply itself. The assistant owns navigation. */

typedef struct
{
  char *title;
  char *incomplete_reason;
  char *next_label;
  guint complete : 1;
  guint modified : 1;
  guint can_go_back : 1;
} PvPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PvPage, pv_page, GTK_TYPE_WIDGET)

/* g_set_str() needs GLib 2.76; the minimum platform is 2.74. */
static gboolean
replace_str (char       **str,
             const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_INCOMPLETE_REASON,
  PROP_MODIFIED,
  PROP_NEXT_LABEL,
  PROP_CAN_GO_BACK,
  PROP_HAS_APPLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pv_page_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pv_page_parent_class)->dispose (object);
}

static void
pv_page_finalize (GObject *object)
{
  PvPage *self = PV_PAGE (object);
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->incomplete_reason, g_free);
  g_clear_pointer (&priv->next_label, g_free);

  G_OBJECT_CLASS (pv_page_parent_class)->finalize (object);
}

static void
pv_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PvPage *self = PV_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pv_page_get_title (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, pv_page_get_complete (self));
      break;
    case PROP_INCOMPLETE_REASON:
      g_value_set_string (value, pv_page_get_incomplete_reason (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, pv_page_get_modified (self));
      break;
    case PROP_NEXT_LABEL:
      g_value_set_string (value, pv_page_get_next_label (self));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, pv_page_get_can_go_back (self));
      break;
    case PROP_HAS_APPLY:
      g_value_set_boolean (value, pv_page_get_has_apply (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PvPage *self = PV_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pv_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_COMPLETE:
      pv_page_set_complete (self, g_value_get_boolean (value));
      break;
    case PROP_INCOMPLETE_REASON:
      pv_page_set_incomplete_reason (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      pv_page_set_modified (self, g_value_get_boolean (value));
      break;
    case PROP_NEXT_LABEL:
      pv_page_set_next_label (self, g_value_get_string (value));
      break;
    case PROP_CAN_GO_BACK:
      pv_page_set_can_go_back (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_page_class_init (PvPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_page_dispose;
  object_class->finalize = pv_page_finalize;
  object_class->get_property = pv_page_get_property;
  object_class->set_property = pv_page_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Drives the sensitivity of Next. */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A translated sentence that says what is missing, shown while the
   * page is not complete. */
  properties[PROP_INCOMPLETE_REASON] =
    g_param_spec_string ("incomplete-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the user entered something that Cancel would discard. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The label of Next on this page, for pages that commit something
   * ("_Enable"); NULL means the usual "_Next". */
  properties[PROP_NEXT_LABEL] =
    g_param_spec_string ("next-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Pages that show the outcome of changes already made cannot be left
   * backwards: going back would suggest the changes can be edited. */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_APPLY] =
    g_param_spec_boolean ("has-apply", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pv_page_init (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  priv->can_go_back = TRUE;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

const char *
pv_page_get_title (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_val_if_fail (PV_IS_PAGE (self), NULL);

  return priv->title;
}

void
pv_page_set_title (PvPage     *self,
                   const char *title)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_if_fail (PV_IS_PAGE (self));

  if (replace_str (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
pv_page_get_complete (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_val_if_fail (PV_IS_PAGE (self), FALSE);

  return priv->complete;
}

void
pv_page_set_complete (PvPage   *self,
                      gboolean  complete)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_if_fail (PV_IS_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

const char *
pv_page_get_incomplete_reason (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_val_if_fail (PV_IS_PAGE (self), NULL);

  return priv->incomplete_reason;
}

void
pv_page_set_incomplete_reason (PvPage     *self,
                               const char *reason)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_if_fail (PV_IS_PAGE (self));

  if (replace_str (&priv->incomplete_reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCOMPLETE_REASON]);
}

gboolean
pv_page_get_modified (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_val_if_fail (PV_IS_PAGE (self), FALSE);

  return priv->modified;
}

void
pv_page_set_modified (PvPage   *self,
                      gboolean  modified)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_if_fail (PV_IS_PAGE (self));

  modified = !!modified;
  if (priv->modified == modified)
    return;

  priv->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

const char *
pv_page_get_next_label (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_val_if_fail (PV_IS_PAGE (self), NULL);

  return priv->next_label;
}

void
pv_page_set_next_label (PvPage     *self,
                        const char *next_label)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_if_fail (PV_IS_PAGE (self));

  if (replace_str (&priv->next_label, next_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_LABEL]);
}

gboolean
pv_page_get_can_go_back (PvPage *self)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_val_if_fail (PV_IS_PAGE (self), FALSE);

  return priv->can_go_back;
}

void
pv_page_set_can_go_back (PvPage   *self,
                         gboolean  can_go_back)
{
  PvPagePrivate *priv = pv_page_get_instance_private (self);

  g_return_if_fail (PV_IS_PAGE (self));

  can_go_back = !!can_go_back;
  if (priv->can_go_back == can_go_back)
    return;

  priv->can_go_back = can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

gboolean
pv_page_get_has_apply (PvPage *self)
{
  g_return_val_if_fail (PV_IS_PAGE (self), FALSE);

  return PV_PAGE_GET_CLASS (self)->apply_async != NULL;
}

void
pv_page_shown (PvPage *self)
{
  g_return_if_fail (PV_IS_PAGE (self));

  if (PV_PAGE_GET_CLASS (self)->shown)
    PV_PAGE_GET_CLASS (self)->shown (self);
}

void
pv_page_locale_changed (PvPage *self)
{
  g_return_if_fail (PV_IS_PAGE (self));

  if (PV_PAGE_GET_CLASS (self)->locale_changed)
    PV_PAGE_GET_CLASS (self)->locale_changed (self);
}

void
pv_page_apply_async (PvPage              *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PV_IS_PAGE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (PV_PAGE_GET_CLASS (self)->apply_async)
    {
      PV_PAGE_GET_CLASS (self)->apply_async (self, cancellable, callback, user_data);
      return;
    }

  /* Pages without anything to apply still go through the same path, so
   * the assistant has one way of leaving a page. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_page_apply_async);
  g_task_return_boolean (task, TRUE);
}

gboolean
pv_page_apply_finish (PvPage        *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (PV_IS_PAGE (self), FALSE);

  if (g_async_result_is_tagged (result, pv_page_apply_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  g_return_val_if_fail (PV_PAGE_GET_CLASS (self)->apply_finish != NULL, FALSE);

  return PV_PAGE_GET_CLASS (self)->apply_finish (self, result, error);
}
