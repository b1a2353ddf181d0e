import { Field, ID, Int, ObjectType } from "type-graphql";

/** An IT service of the catalogue. */
@ObjectType()
export class ItService {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;
}

/** An incident category. */
@ObjectType()
export class Category {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;
}

/** A support group at a support level. */
@ObjectType()
export class SupportGroup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  level: number;
}
