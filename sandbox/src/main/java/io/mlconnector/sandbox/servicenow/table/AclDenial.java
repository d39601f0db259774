package io.mlconnector.sandbox.servicenow.table;

/** What a read by a user without the table's role looks like: both happen on real instances. */
public enum AclDenial {
  /** 403 with the Table API error body. */
  FORBIDDEN,
  /** 200 and no rows, the way a read ACL hides records. */
  EMPTY
}
